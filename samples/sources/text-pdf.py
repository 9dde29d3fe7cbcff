#!/usr/bin/env python3
"""Writes a born-digital A4 PDF (real text layer, embedded Liberation Serif) from a UTF-8 text file.
Usage: text-pdf.py SOURCE.txt OUT.pdf"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

src, out = sys.argv[1], sys.argv[2]
pdfmetrics.registerFont(TTFont("LiberationSerif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"))
c = canvas.Canvas(out, pagesize=A4, invariant=1)  # invariant: no timestamps/ids, reproducible bytes
c.setTitle("Letter")
c.setAuthor(open(src, encoding="utf-8").readline().strip())
width, height = A4
left, top, leading = 72, height - 72, 15.5
y = top
c.setFont("LiberationSerif", 11.5)
for line in open(src, encoding="utf-8").read().splitlines():
    if y < 72:
        c.showPage(); c.setFont("LiberationSerif", 11.5); y = top
    c.drawString(left, y, line)
    y -= leading
c.showPage()
c.save()
