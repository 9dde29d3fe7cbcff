#!/usr/bin/env bash
# Installs the Debian packages Capture needs for a purpose, only those that are missing, and says so.
#   scripts/ensure-debian-packages.sh demo   # what `capture` needs at run time
#   scripts/ensure-debian-packages.sh test   # plus what the test suite's real servers and fixtures need
set -euo pipefail

purpose="${1:-demo}"
runtime=(tesseract-ocr tesseract-ocr-osd tesseract-ocr-pol tesseract-ocr-hun poppler-utils hunspell-pl hunspell-hu hunspell-en-us)
# chromium: the browser the end-to-end tests drive with Playwright (never a browser build of Playwright's own).
testing=(fonts-dejavu-core fonts-liberation2 dovecot-imapd dovecot-pop3d python3-aiosmtpd chromium)

case "$purpose" in
  demo) wanted=("${runtime[@]}") ;;
  test) wanted=("${runtime[@]}" "${testing[@]}") ;;
  *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "==> Debian packages for the $purpose are present: ${wanted[*]}"
  exit 0
fi

echo "==> Installing Debian packages needed for the $purpose: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "error: these packages are missing and this user cannot install them: ${missing[*]}" >&2
  echo "       run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# The package lists of a fresh machine are empty or stale: refresh them once before installing.
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "==> Installed: ${missing[*]}"
