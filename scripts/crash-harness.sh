#!/usr/bin/env bash
# The crash harness of issue 9: kills the real `capture run` with SIGKILL at random moments while it works a drop folder
# and a Dovecot mailbox, for ROUNDS rounds (default 50), then checks that every item is in the archive exactly once.
# Usage: scripts/crash-harness.sh [ROUNDS] [SEED]   (the seed of a run is printed; pass it to repeat that run)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-50}"
scripts/ensure-debian-packages.sh test

echo "==> Building the tests"
dotnet build tests/Capture.Worker.Tests --configuration Release --nologo --verbosity quiet

echo "==> Crash harness: $rounds rounds (each: new mail and files arrive, capture run starts, SIGKILL at a random moment)"
export CAPTURE_CRASH_ROUNDS="$rounds"
if [ -n "${2:-}" ]; then export CAPTURE_CRASH_SEED="$2"; fi
log=$(mktemp)
status=0
dotnet test tests/Capture.Worker.Tests --configuration Release --no-build --nologo \
  --filter "FullyQualifiedName~Reliability.CrashHarnessTests" --logger "console;verbosity=detailed" > "$log" 2>&1 || status=$?

# The harness's own lines (rounds, totals, anything lost or duplicated), then the verdict.
sed -n 's/^\[xUnit.net [0-9:.]*\] Capture.Worker.Tests: //p' "$log"
if [ "$status" -ne 0 ]; then
  grep -A30 "\[FAIL\]" "$log" | head -60 || true
  echo "==> FAILED (full log: $log)"
else
  echo "==> PASSED"
  rm -f "$log"
fi
exit "$status"
