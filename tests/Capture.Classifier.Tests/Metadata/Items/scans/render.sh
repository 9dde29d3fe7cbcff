#!/usr/bin/env bash
# Renders each <name>.letter.txt to a 300 dpi page with Tesseract's text2image (font and degradation from
# render.tsv) and reads it back with the real Tesseract 5 engine (pol+hun+eng, automatic page segmentation),
# writing <name>.ocr.txt. The .ocr.txt files are committed; the page images are not. Run from any folder:
#   tests/Capture.Classifier.Tests/Metadata/Items/scans/render.sh
# Needs the Debian packages tesseract-ocr, tesseract-ocr-pol, tesseract-ocr-hun, fonts-liberation2, fonts-dejavu-core.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1
grep -v '^#' "$here/render.tsv" | while IFS=$'\t' read -r name font degrade; do
  text2image --text "$here/$name.letter.txt" --outputbase "$work/$name" --font "$font" \
    --fonts_dir /usr/share/fonts --fontconfig_tmpdir "$work" --ptsize 12 --resolution 300 \
    --degrade_image="$degrade" --rotate_image=false --xsize 2550 --ysize 3300 --margin 150 >/dev/null 2>&1
  tesseract "$work/$name.tif" "$work/$name" -l pol+hun+eng >/dev/null 2>&1
  mv "$work/$name.txt" "$here/$name.ocr.txt"
  echo "$name.ocr.txt"
done
