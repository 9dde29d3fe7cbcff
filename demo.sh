#!/usr/bin/env bash
# The Capture demo: runs the service on a drop folder, imports the bundled samples, shows the cases and searches them.
# Everything lives in ./data/demo (LiteDB, originals, Lucene index); nothing to configure. Each run starts afresh.
set -euo pipefail
cd "$(dirname "$0")"

scripts/ensure-debian-packages.sh demo

echo "==> Building Capture (Release) into artifacts/capture"
dotnet build src/Capture.Worker/Capture.Worker.csproj --configuration Release --nologo --verbosity quiet \
  --output artifacts/capture
capture=artifacts/capture/capture
# Two glibc malloc arenas instead of eight per core: the service's native memory (OCR) then stays flat (README: Memory).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

archive=data/demo
drop="$archive/drop"
echo "==> Starting afresh in $archive"
rm -rf "$archive"
mkdir -p "$drop"

echo "==> capture run --drop $drop   (the service; scanned letters dropped into the folder are captured)"
# The service runs here only until the drop folder is empty, too briefly to use its web UI, so the demo leaves the web
# UI off (and cannot fail on a port another program holds); the end of the demo says how to open it.
CAPTURE_Web__Enabled=false "$capture" run --archive "$archive" --drop "$drop" &
service=$!
trap 'kill "$service" 2>/dev/null || true' EXIT
dropped=$(find samples/inbox -maxdepth 1 -type f \( -name '*.png' -o -name '*.tif' -o -name '*.tiff' \) | sort | head -3)
for file in $dropped; do cp "$file" "$drop/"; done
echo "    dropped: $(echo $dropped | xargs -n1 basename | tr '\n' ' ')"
# Done when the files have left the drop folder and their claims (kept until each case is committed) are gone.
for _ in $(seq 1 300); do
  remaining=$(find "$drop" -maxdepth 1 -type f | wc -l)
  claimed=0
  if [ -d "$drop/.capture/processing" ]; then
    claimed=$(find "$drop/.capture/processing" -mindepth 1 | wc -l)
  fi
  [ "$remaining" -eq 0 ] && [ "$claimed" -eq 0 ] && break
  sleep 1
done
# A background job of a non-interactive shell ignores SIGINT; SIGTERM is the service stop signal anyway.
kill -TERM "$service"; wait "$service" || true
trap - EXIT
echo "    the drop folder is empty again: the files are in the archive"

echo
echo "==> capture import samples/inbox   (the letters dropped above are recognised as duplicates)"
status=0
"$capture" import --archive "$archive" samples/inbox || status=$?
[ "$status" -le 2 ] || exit "$status"

# A word only in a scanned image, a name typed without diacritics, an e-mail, an order number, a category, OR.
for query in "konyhapult" "Kovacs" "email:sarah.mitchell@example.co.uk" "ZAM/2026/04512" "category:thanks" "wishlist OR footrests"; do
  echo
  echo "==> capture search \"$query\""
  "$capture" search --archive "$archive" "$query"
done

echo
echo "==> capture case show C-$(date +%Y)-000001"
"$capture" case show --archive "$archive" "C-$(date +%Y)-000001"

echo
echo "==> capture report   (the cases of the last 90 days: counts, answer times, deadlines, repeated problems)"
"$capture" report --archive "$archive"

echo
echo "==> The web UI and API (README: Web UI and API): make yourself a user and run the service on this archive:"
echo "    hash=\$(printf 'demo-password\\n' | $capture web hash-password)"
echo "    CAPTURE_Web__Users__0__Login=demo CAPTURE_Web__Users__0__PasswordHash=\"\$hash\" CAPTURE_Web__Users__0__Roles__0=admin \\"
echo "      $capture run --archive $archive --drop $drop"
echo "    then open http://127.0.0.1:5080 and sign in as demo (another address: CAPTURE_Web__Urls=http://127.0.0.1:5081)."
