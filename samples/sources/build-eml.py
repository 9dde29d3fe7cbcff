#!/usr/bin/env python3
"""Builds the sample e-mails in samples/inbox/ from the bodies in sources/email/.

Usage: build-eml.py INBOX_DIR ATTACHMENTS_DIR
ATTACHMENTS_DIR holds invoice-scan.png and bilet.pdf, made by render.sh.
Output is byte-for-byte deterministic (fixed dates, Message-IDs and MIME boundaries), CRLF line ends.
"""
import base64
import os
import quopri
import re
import sys
from email.header import Header
from email.utils import formataddr

HERE = os.path.dirname(os.path.abspath(__file__))
INBOX, ATT = sys.argv[1], sys.argv[2]


def body(name):
    with open(os.path.join(HERE, "email", name), encoding="utf-8") as f:
        return f.read()


def addr(name, email, charset="utf-8"):
    return formataddr((name, email), charset=charset)


def subject(text, charset="utf-8"):
    if text.isascii():
        return text
    return Header(text, charset).encode(maxlinelen=76)


def qp(text, charset):
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def b64(data):
    return base64.encodebytes(data).decode("ascii")


def headers(h):
    return "".join(f"{k}: {v}\n" for k, v in h)


def write(name, text):
    data = re.sub(r"\r?\n", "\r\n", text).encode("ascii" if text.isascii() else "utf-8")
    with open(os.path.join(INBOX, name), "wb") as f:
        f.write(data)


def text_to_html(text):
    paras = [p.strip() for p in text.strip().split("\n\n")]
    out = []
    for p in paras:
        p = p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append("<p>" + p.replace("\n", "<br>\n") + "</p>")
    return ("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"></head>\n<body>\n"
            + "\n".join(out) + "\n</body>\n</html>\n")


COMMON = [("MIME-Version", "1.0")]

# 1. Plain UTF-8, 8bit.
write("en-complaint-kettle.eml", headers([
    ("Return-Path", "<sarah.mitchell@example.co.uk>"),
    ("From", addr("Sarah Mitchell", "sarah.mitchell@example.co.uk")),
    ("To", addr("Customer Service", "customer.service@example.com")),
    ("Subject", "Faulty kettle - Order number ORD-2026-118734"),
    ("Date", "Mon, 16 Nov 2026 08:14:22 +0000"),
    ("Message-ID", "<20261116081422.4F2A19@mail.example.co.uk>"),
    *COMMON,
    ("Content-Type", "text/plain; charset=utf-8; format=flowed"),
    ("Content-Transfer-Encoding", "8bit"),
]) + "\n" + body("en-complaint-kettle.txt"))

# 2. ISO-8859-2, quoted-printable, Polish.
write("pl-complaint-washing-machine.eml", headers([
    ("Return-Path", "<tomasz.zielinski@example.pl>"),
    ("From", addr("Tomasz Zieliński", "tomasz.zielinski@example.pl", "iso-8859-2")),
    ("To", addr("Reklamacje", "reklamacje@example.pl")),
    ("Subject", subject("Reklamacja pralki - zamówienie ZAM/2026/04512", "iso-8859-2")),
    ("Date", "Tue, 10 Nov 2026 19:03:51 +0100"),
    ("Message-ID", "<a81c2e77-55d0-4b0e-9f3e-2c1d0a7b4e10@example.pl>"),
    ("X-Mailer", "Sylpheed 3.7.0"),
    *COMMON,
    ("Content-Type", "text/plain; charset=ISO-8859-2"),
    ("Content-Transfer-Encoding", "quoted-printable"),
]) + "\n" + qp(body("pl-complaint-washing-machine.txt").replace("–", "-"), "iso-8859-2"))

# 3. HTML only, UTF-8, quoted-printable, Hungarian.
write("hu-suggestion-telecom.eml", headers([
    ("From", addr("Horváth Anna", "horvath.anna@example.hu")),
    ("To", addr("Ügyfélszolgálat", "ugyfelszolgalat@example.hu")),
    ("Subject", subject("Javaslat a mobilalkalmazás fejlesztésére")),
    ("Date", "Wed, 4 Nov 2026 21:47:10 +0100"),
    ("Message-ID", "<CAHx7k2mQ0rW3v9p@mail.example.hu>"),
    *COMMON,
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Transfer-Encoding", "quoted-printable"),
]) + "\n" + qp(body("hu-suggestion-telecom.html"), "utf-8"))

# 4. multipart/mixed with a scanned PNG invoice; the searchWord and the invoice number are only in the scan.
with open(os.path.join(ATT, "invoice-scan.png"), "rb") as f:
    png = f.read()
B4 = "=_mixed_7f3c9a1e4b2d"
write("en-thanks-hotel-invoice.eml", headers([
    ("From", addr("James Whitfield", "james.whitfield@example.com")),
    ("To", addr("Guest Relations", "guest.relations@example.co.uk")),
    ("Subject", "Thank you for a wonderful anniversary weekend"),
    ("Date", "Thu, 5 Nov 2026 10:22:05 +0000"),
    ("Message-ID", "<5f1e2d3c.77a4.4b6e@example.com>"),
    *COMMON,
    ("Content-Type", f'multipart/mixed; boundary="{B4}"'),
]) + "\nThis is a multi-part message in MIME format.\n\n"
    + f"--{B4}\n" + headers([("Content-Type", "text/plain; charset=us-ascii"),
                             ("Content-Transfer-Encoding", "7bit")])
    + "\n" + body("en-thanks-hotel-invoice.txt") + "\n"
    + f"--{B4}\n" + headers([("Content-Type", 'image/png; name="invoice-scan.png"'),
                             ("Content-Disposition", 'attachment; filename="invoice-scan.png"'),
                             ("Content-Transfer-Encoding", "base64")])
    + "\n" + b64(png) + f"--{B4}--\n")

# 5. The hard case: a thank-you for how a complaint was handled (a reply in a thread). UTF-8, QP.
write("pl-thanks-complaint-handled.eml", headers([
    ("From", addr("Katarzyna Nowak", "katarzyna.nowak@example.pl")),
    ("To", addr("Dział Reklamacji", "reklamacje@example.com")),
    ("Subject", subject("Re: Reklamacja zmywarki – decyzja")),
    ("Date", "Fri, 13 Nov 2026 12:30:44 +0100"),
    ("Message-ID", "<9d2b7c41-reply-0c8e@example.pl>"),
    ("In-Reply-To", "<rekl-20261109-0415@example.com>"),
    ("References", "<rekl-20261109-0415@example.com>"),
    *COMMON,
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "quoted-printable"),
]) + "\n" + qp(body("pl-thanks-complaint-handled.txt"), "utf-8"))

# 6. multipart/alternative (text + HTML), both base64, Hungarian.
t6 = body("hu-complaint-webshop-delay.txt")
B6 = "----=_Part_20261120_0912"
write("hu-complaint-webshop-delay.eml", headers([
    ("From", addr("Kovács Péter", "kovacs.peter@example.hu")),
    ("To", addr("Webáruház Ügyfélszolgálat", "info@example.hu")),
    ("Subject", subject("Panasz: késik a rendelésem (R-2026-00912)")),
    ("Date", "Fri, 20 Nov 2026 09:12:37 +0100"),
    ("Message-ID", "<1732090357.112.JavaMail.kovacs@example.hu>"),
    *COMMON,
    ("Content-Type", f'multipart/alternative; boundary="{B6}"'),
]) + "\n"
    + f"--{B6}\n" + headers([("Content-Type", "text/plain; charset=UTF-8"),
                             ("Content-Transfer-Encoding", "base64")])
    + "\n" + b64(t6.encode("utf-8"))
    + f"--{B6}\n" + headers([("Content-Type", "text/html; charset=UTF-8"),
                             ("Content-Transfer-Encoding", "base64")])
    + "\n" + b64(text_to_html(t6).encode("utf-8")) + f"--{B6}--\n")

# 7. multipart/mixed with a born-digital PDF e-ticket (text layer), Polish, UTF-8 QP body.
with open(os.path.join(ATT, "bilet.pdf"), "rb") as f:
    pdf = f.read()
B7 = "b1_5e0c3f7d2a9b4c61"
write("pl-suggestion-train-attachment.eml", headers([
    ("From", addr("Piotr Lewandowski", "piotr.lewandowski@example.pl")),
    ("To", addr("Biuro Obsługi Pasażera", "bop@example.pl")),
    ("Subject", subject("Propozycja: rezerwacja miejsca na rower przy zakupie biletu")),
    ("Date", "Sun, 15 Nov 2026 20:05:19 +0100"),
    ("Message-ID", "<3c7a1f90e2b84d55@example.pl>"),
    *COMMON,
    ("Content-Type", f'multipart/mixed; boundary="{B7}"'),
]) + "\n"
    + f"--{B7}\n" + headers([("Content-Type", "text/plain; charset=UTF-8"),
                             ("Content-Transfer-Encoding", "quoted-printable")])
    + "\n" + qp(body("pl-suggestion-train-attachment.txt"), "utf-8") + "\n"
    + f"--{B7}\n" + headers([("Content-Type", 'application/pdf; name="bilet.pdf"'),
                             ("Content-Disposition", 'attachment; filename="bilet.pdf"'),
                             ("Content-Transfer-Encoding", "base64")])
    + "\n" + b64(pdf) + f"--{B7}--\n")
