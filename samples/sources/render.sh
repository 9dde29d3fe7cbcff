#!/usr/bin/env bash
# Regenerates every rendered item in samples/inbox/ (scans, TIFF, PDFs, e-mails with attachments)
# from the UTF-8 source texts in this folder. Documentation + reproducibility; CI does not run it.
#
# Needs (Debian): tesseract-ocr (text2image), libtiff-tools (tiffcp), img2pdf, python3-pil,
# python3-reportlab, fonts-liberation2. Uses /usr/bin/python3 (Debian's, which sees python3-pil).
# text2image is run with --degrade_image=false --rotate_image=false, so the output is deterministic
# for a given font set; one scan gets a small, fixed rotation for realism (see below).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INBOX="$(cd "$HERE/../inbox" && pwd)"
PY=/usr/bin/python3
FONTS_DIR=/usr/share/fonts
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# render SRC OUTBASE [FONT] [PTSIZE] -> $TMP/OUTBASE.tif (A4 page at 300 dpi, 1-bit, CCITT G4)
render() {
  local src="$1" out="$2" font="${3:-Liberation Serif}" pt="${4:-12}"
  # (run inside $TMP: text2image leaves a fonts.conf in the current directory)
  (cd "$TMP" && text2image --text "$src" --outputbase "$TMP/$out" \
    --font "$font" --fonts_dir "$FONTS_DIR" --ptsize "$pt" --resolution 300 \
    --xsize 2480 --ysize 3508 --margin 200 --leading 16 \
    --degrade_image=false --rotate_image=false --white_noise=false >/dev/null 2>&1)
  # text2image already writes a 1-bit CCITT G4 TIFF; re-pack it (single strip, 300 dpi) to be sure.
  tiffcp -c g4 "$TMP/$out.tif" "$TMP/$out.g4.tif"
  mv "$TMP/$out.g4.tif" "$TMP/$out.tif"
}

# to_png TIF PNG [ROTATE_DEGREES] -> 1-bit PNG, 300 dpi
to_png() {
  "$PY" - "$1" "$2" "${3:-0}" <<'PYEOF'
import sys
from PIL import Image
src, dst, angle = sys.argv[1], sys.argv[2], float(sys.argv[3])
im = Image.open(src).convert("L")
if angle:
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
im = im.point(lambda v: 255 if v > 160 else 0).convert("1", dither=Image.NONE)
im.save(dst, optimize=True, dpi=(300, 300))
PYEOF
}

# Scanned letters, one page each.
render "$HERE/pl-suggestion-online-shop.txt"    pl-suggestion-online-shop
to_png "$TMP/pl-suggestion-online-shop.tif"     "$INBOX/pl-suggestion-online-shop.png"

render "$HERE/hu-suggestion-insurance.txt"      hu-suggestion-insurance
cp "$TMP/hu-suggestion-insurance.tif"           "$INBOX/hu-suggestion-insurance.tif"

render "$HERE/en-complaint-washing-machine.txt" en-complaint-washing-machine
# A slightly crooked scan (0.6 degrees), for realism; OCR still recovers everything.
to_png "$TMP/en-complaint-washing-machine.tif"  "$INBOX/en-complaint-washing-machine.png" 0.6

render "$HERE/hu-thanks-hotel.txt"              hu-thanks-hotel
to_png "$TMP/hu-thanks-hotel.tif"               "$INBOX/hu-thanks-hotel.png"

render "$HERE/en-suggestion-train.txt"          en-suggestion-train
cp "$TMP/en-suggestion-train.tif"               "$INBOX/en-suggestion-train.tif"

render "$HERE/pl-thanks-insurance.txt"          pl-thanks-insurance
cp "$TMP/pl-thanks-insurance.tif"               "$INBOX/pl-thanks-insurance.tif"

# Two-page letter: the source has a form feed between the pages -> multi-page G4 TIFF.
"$PY" - "$HERE/hu-complaint-coffee-machine-2pages.txt" "$TMP/coffee-p" <<'PYEOF'
import sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
for i, page in enumerate(pages, 1):
    open(f"{sys.argv[2]}{i}.txt", "w", encoding="utf-8").write(page.strip("\n") + "\n")
PYEOF
render "$TMP/coffee-p1.txt" coffee-p1
render "$TMP/coffee-p2.txt" coffee-p2
tiffcp -c g4 "$TMP/coffee-p1.tif" "$TMP/coffee-p2.tif" "$INBOX/hu-complaint-coffee-machine-2pages.tif"

# Image-only PDF: the G4 scan wrapped into a PDF page (no text layer).
render "$HERE/pl-complaint-insurance-scan.txt"  pl-complaint-insurance-scan
img2pdf --engine internal --pagesize A4 --creationdate 2026-11-06T08:31:00 --moddate 2026-11-06T08:31:00 -o "$INBOX/pl-complaint-insurance-scan.pdf" "$TMP/pl-complaint-insurance-scan.tif"

# Born-digital PDF with a text layer.
"$PY" "$HERE/text-pdf.py" "$HERE/en-thanks-broadband-letter.txt" "$INBOX/en-thanks-broadband-letter.pdf"

# E-mail attachments: a scanned hotel invoice (PNG) and an e-ticket (text-layer PDF).
render "$HERE/en-thanks-hotel-invoice.attachment.txt" hotel-invoice
to_png "$TMP/hotel-invoice.tif" "$TMP/invoice-scan.png"
"$PY" "$HERE/text-pdf.py" "$HERE/pl-suggestion-train-attachment.attachment.txt" "$TMP/bilet.pdf"

# All e-mails (headers and bodies are in build-eml.py / email/*; attachments from $TMP).
"$PY" "$HERE/build-eml.py" "$INBOX" "$TMP"

ls -l "$INBOX"
