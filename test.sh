#!/usr/bin/env bash
# Runs every test of Capture against the real parts (Tesseract, LiteDB, Lucene, Dovecot, Chromium), installing what is missing first.
set -euo pipefail
cd "$(dirname "$0")"

scripts/ensure-debian-packages.sh test

results=artifacts/test-results
rm -rf "$results"
echo "==> Building and running all tests (dotnet test Capture.sln)"
status=0
dotnet test Capture.sln --configuration Release --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

# One closing line for people and CI: totals over every test project's TRX report.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
if [ "$failed" -gt 0 ]; then
  python3 scripts/failed-tests.py "$results"/*.trx || true
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
