using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MimeKit;

namespace Capture.Worker.Tests.Reliability;

/// <summary>
/// Generated hostile inputs: decompression and pixel bombs, MIME trees built to exhaust a parser, oversized items,
/// attachment names that try to leave the archive, and broken encodings. Each is small on disk.
/// </summary>
internal static class HostileInputs
{
    /// <summary>A name each hostile attachment carries, and what it tries.</summary>
    public static readonly string[] AttachmentNames =
    [
        "../../../../etc/capture-escape.txt", "/etc/passwd", "..\\..\\windows\\win.ini", "nul\0byte.txt", "bell\a-and\u001b[31m-escape.txt",
        "CON.txt", "lpt1", "aux.pdf", new string('x', 400) + ".txt", "line\r\nbreak.txt", "..", ".", "~/.ssh/authorized_keys",
    ];

    /// <summary>A one-page PDF whose page is 200 × 200 inches: 3.6 gigapixels at 300 dpi, in 300 bytes.</summary>
    public static byte[] GigapixelPdf() => Pdf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>");

    /// <summary>A TIFF whose header says 100,000 × 100,000 pixels (10 gigapixels) with a few bytes of image data.</summary>
    public static byte[] GigapixelTiff()
    {
        // Little-endian TIFF, one IFD of nine entries right after the header, then 16 bytes of "strip".
        const int Entries = 9;
        var ifdSize = 2 + (Entries * 12) + 4;
        var stripOffset = 8 + ifdSize;
        var tiff = new byte[stripOffset + 16];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), Entries);
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 4, 100_000), (257, 4, 100_000), (258, 3, 1), (259, 3, 1), (262, 3, 0),
            (273, 4, (uint)stripOffset), (277, 3, 1), (278, 4, 100_000), (279, 4, 16),
        ];
        for (var i = 0; i < entries.Length; i++)
        {
            var at = tiff.AsSpan(10 + (i * 12));
            BinaryPrimitives.WriteUInt16LittleEndian(at, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], 1);
            if (entries[i].Type == 3)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(at[8..], (ushort)entries[i].Value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(at[8..], entries[i].Value);
            }
        }

        return tiff;
    }

    /// <summary>A PNG whose 400 KB of deflated zeros inflate to 20,000 × 20,000 pixels (0.4 gigapixels): a decompression bomb.</summary>
    public static byte[] DecompressionBombPng()
    {
        const int Side = 20_000;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Side);
        header[8] = 8; // 8-bit grey
        Chunk(png, "IHDR", header);
        using (var deflated = new MemoryStream())
        {
            using (var zlib = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[Side + 1];
                for (var y = 0; y < Side; y++)
                {
                    zlib.Write(row);
                }
            }

            Chunk(png, "IDAT", deflated.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A message holding a message holding a message… <paramref name="depth"/> levels down.</summary>
    public static MimeMessage NestedMessage(int depth)
    {
        var inner = Letter("Najgłębsza wiadomość: reklamacja zamówienia ZAM/2026/00777, proszę o zwrot.", "innermost");
        for (var level = 1; level < depth; level++)
        {
            var outer = Letter(string.Create(CultureInfo.InvariantCulture, $"Przesyłam dalej (poziom {level})."), string.Create(CultureInfo.InvariantCulture, $"level-{level}"));
            var body = new Multipart("mixed") { outer.Body!, new MessagePart { Message = inner } };
            outer.Body = body;
            inner = outer;
        }

        return inner;
    }

    /// <summary>A complaint with <paramref name="count"/> small attachments.</summary>
    public static MimeMessage ThousandsOfAttachments(int count)
    {
        var message = Letter("W załączeniu zdjęcia uszkodzonej pralki, zamówienie ZAM/2026/00888. Proszę o wymianę.", "attachments");
        var builder = new BodyBuilder { TextBody = message.TextBody };
        for (var i = 0; i < count; i++)
        {
            builder.Attachments.Add(string.Create(CultureInfo.InvariantCulture, $"photo-{i:0000}.txt"), Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"attachment {i}")));
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>A complaint whose attachments carry every name of <see cref="AttachmentNames"/>.</summary>
    public static MimeMessage HostileAttachmentNames()
    {
        var message = Letter("Reklamacja: pralka z zamówienia ZAM/2026/00999 przecieka. Załączam dokumenty.", "names");
        var mixed = new Multipart("mixed") { message.Body! };
        foreach (var name in AttachmentNames)
        {
            var part = new MimePart("text", "plain") { Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes("Faktura FV/2026/0042 za pralkę."))), ContentTransferEncoding = ContentEncoding.Base64 };
            part.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment);
            part.ContentDisposition.Parameters.Add("filename", name);
            mixed.Add(part);
        }

        message.Body = mixed;
        return message;
    }

    /// <summary>Raw bytes of a message mixing charsets: an ISO-8859-2 subject, a Windows-1250 body, an undeclared 8-bit header and invalid UTF-8.</summary>
    public static byte[] MixedCharsetMessage()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin2 = Encoding.GetEncoding("iso-8859-2");
        var cp1250 = Encoding.GetEncoding("windows-1250");
        using var raw = new MemoryStream();
        raw.Write(Encoding.ASCII.GetBytes("From: =?iso-8859-2?Q?Pawe=B3_=A3ukasik?= <pawel@example.pl>\r\nTo: reklamacje@firma.example\r\nSubject: "));
        raw.Write(latin2.GetBytes("Reklamacja - zepsuta pralka, proszę o zwrot"));
        raw.Write(Encoding.ASCII.GetBytes("\r\nX-Broken: "));
        raw.Write([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE]);
        raw.Write(Encoding.ASCII.GetBytes("\r\nMessage-ID: <mixed-charsets@example.pl>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1250\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"));
        raw.Write(cp1250.GetBytes("Dzień dobry, pralka z zamówienia ZAM/2026/01234 przecieka. Proszę o naprawę. Paweł Łukasik\r\n"));
        raw.Write([0xC3, 0x28, 0x80, 0xBF, 0xF8, 0x88, 0x80, 0x80, 0x80]);
        raw.Write(Encoding.ASCII.GetBytes("\r\n"));
        return raw.ToArray();
    }

    /// <summary>Text with invalid UTF-8 sequences (overlong, lone continuation bytes, surrogates, a truncated sequence) among real words.</summary>
    public static byte[] InvalidUtf8Letter() =>
    [
        .. Encoding.UTF8.GetBytes("Szanowni Państwo, reklamuję zamówienie ZAM/2026/04321 "),
        0xC0, 0xAF, 0x80, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xE2, 0x82,
        .. Encoding.UTF8.GetBytes(" — ekspres nie działa. Anna Nowak, anna.nowak@example.pl"),
    ];

    private static MimeMessage Letter(string text, string tag)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Anna Nowak", "anna.nowak@example.pl"));
        message.To.Add(new MailboxAddress("Reklamacje", "reklamacje@firma.example"));
        message.Subject = "Reklamacja " + tag;
        message.MessageId = $"{tag}-{Guid.NewGuid():N}@example.pl";
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private static byte[] Pdf(string page)
    {
        string[] objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page];
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
        png.Write(crc);
    }
}
