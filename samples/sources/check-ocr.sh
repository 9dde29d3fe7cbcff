#!/usr/bin/env bash
# Checks samples/inbox/ against samples/inbox.expected.json with the real tools:
#  - images (PNG, TIFF, every page) and image-only PDFs (pdftoppm -r 300 -png first):
#    `tesseract <page> - -l pol+hun+eng`;
#  - text-layer PDFs: pdftotext;
#  - e-mails: every text part decoded (charset + transfer encoding), PNG attachments OCR'd,
#    PDF attachments through pdftotext;
#  - .txt web forms: read as UTF-8.
# For every item, the searchWord, the contact name, the e-mail address and every reference number
# must appear EXACTLY (case-sensitive substring) in the extracted text; the searchWord (case-
# insensitive) must appear in no other item; an item marked "ocr": true must have needed OCR and one
# marked false must not; every file in inbox/ must be listed. Exit code 1 if anything fails.
# Needs: tesseract-ocr (+ -pol, -hun), poppler-utils, python3 (standard library only).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export INBOX="$(cd "$HERE/../inbox" && pwd)"
export OMP_THREAD_LIMIT=1
exec python3 - "$@" <<'PYEOF'
import email, email.policy, glob, json, os, subprocess, sys, tempfile

INBOX = os.environ["INBOX"]
LANGS = "pol+hun+eng"

def ocr_image(path):
    return subprocess.run(["tesseract", path, "-", "-l", LANGS], capture_output=True, text=True, check=True).stdout

def ocr_pdf(path):
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", "300", "-png", path, os.path.join(d, "p")], check=True)
        return "\n".join(ocr_image(p) for p in sorted(glob.glob(os.path.join(d, "p*.png"))))

def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout

def eml_text(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    parts = [f"From: {msg['From']}\nSubject: {msg['Subject']}\n"]
    notes = ["MIME: " + msg.get_content_type()]
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype.startswith("text/"):
            parts.append(part.get_content())
        elif ctype == "image/png":
            with tempfile.NamedTemporaryFile(suffix=".png") as t:
                t.write(part.get_payload(decode=True)); t.flush()
                parts.append(ocr_image(t.name)); notes.append(f"OCR of attachment {part.get_filename()}")
        elif ctype == "application/pdf":
            with tempfile.NamedTemporaryFile(suffix=".pdf") as t:
                t.write(part.get_payload(decode=True)); t.flush()
                parts.append(pdf_text(t.name)); notes.append(f"text layer of attachment {part.get_filename()}")
    return "\n".join(parts), notes

def extract(item):
    path = os.path.join(INBOX, item["file"])
    ext = os.path.splitext(path)[1].lower()
    if ext in (".png", ".tif", ".tiff", ".jpg", ".jpeg"):
        return ocr_image(path), ["tesseract -l " + LANGS]
    if ext == ".pdf":
        layer = pdf_text(path)
        if layer.strip():
            return layer, ["pdftotext (text layer)"]
        return ocr_pdf(path), ["no text layer; pdftoppm -r 300 + tesseract -l " + LANGS]
    if ext == ".eml":
        return eml_text(path)
    with open(path, encoding="utf-8") as f:
        return f.read(), ["plain UTF-8"]

items = json.load(open(os.path.join(INBOX, "..", "inbox.expected.json"), encoding="utf-8"))["items"]
texts, failures = {}, 0
for item in items:
    text, how = extract(item)
    texts[item["file"]] = text
    refs = [r for k in ("orders", "invoices", "serials", "policies") for r in item["references"][k]]
    wanted = [("searchWord", item["searchWord"]), ("name", item["contact"]["name"]),
              ("email", item["contact"]["email"])] + [("ref", r) for r in refs]
    missing = [f"{k}={v}" for k, v in wanted if v not in text]
    used_ocr = any("OCR" in h or "tesseract" in h for h in how)
    if used_ocr != item["ocr"]:
        missing.append(f"ocr flag is {item['ocr']} but OCR {'was' if used_ocr else 'was not'} needed")
    status = "OK  " if not missing else "FAIL"
    failures += bool(missing)
    print(f"{status} {item['file']:42} [{'; '.join(how)}] {len(wanted)} checks"
          + ("" if not missing else "  MISSING: " + ", ".join(missing)))
    if missing and os.environ.get("VERBOSE"):
        print(text)

for item in items:
    w = item["searchWord"].lower()
    others = [f for f, t in texts.items() if f != item["file"] and w in t.lower()]
    if others:
        failures += 1
        print(f"FAIL searchWord '{item['searchWord']}' of {item['file']} also appears in: {', '.join(others)}")
files = {os.path.basename(p) for p in glob.glob(os.path.join(INBOX, "*"))}
listed = {i["file"] for i in items}
for f in sorted(files ^ listed):
    failures += 1
    print(f"FAIL {f}: {'not in inbox.expected.json' if f in files else 'listed but missing'}")
print(f"{len(items)} items, {failures} failure(s)")
sys.exit(1 if failures else 0)
PYEOF
