using System.Text;
using Capture.Classifier.Images;

namespace Capture.Classifier.Extraction;

/// <summary>What a file is, decided by its first bytes and, where those say nothing, by its name.</summary>
internal enum ContentKind
{
    Unknown,
    Pdf,
    Image,
    Mail,
    Text,
    Html,
}

/// <summary>The outcome of sniffing a file.</summary>
/// <param name="Kind">The kind of content.</param>
/// <param name="ImageFormat">The raster format when <paramref name="Kind"/> is <see cref="ContentKind.Image"/>.</param>
/// <param name="ClaimedByName">The kind the file name claims when the content contradicts it (for the error message).</param>
internal sealed record SniffResult(ContentKind Kind, ImageFormat? ImageFormat = null, string? ClaimedByName = null);

/// <summary>Recognises file kinds from magic bytes, e-mail headers and text statistics.</summary>
internal static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeadLength = 8192;

    private static readonly string[] MailHeaderNames =
    [
        "from", "to", "cc", "subject", "date", "message-id", "received", "return-path", "mime-version",
        "content-type", "reply-to", "sender", "delivered-to", "x-mailer", "in-reply-to", "references",
    ];

    public static SniffResult Sniff(ReadOnlySpan<byte> head, string originalFileName)
    {
        var extension = Path.GetExtension(originalFileName).ToLowerInvariant();
        if (MagicImageFormat(head) is { } image)
        {
            return new SniffResult(ContentKind.Image, image);
        }

        // Readers accept junk before the PDF header within the first kilobyte; only trusted when the name says PDF,
        // since a mail or text that quotes "%PDF-" must stay what it is.
        if (head.StartsWith("%PDF-"u8)
            || (extension == ".pdf" && head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0))
        {
            return new SniffResult(ContentKind.Pdf);
        }

        var claimed = extension switch
        {
            ".pdf" => "PDF document",
            ".tif" or ".tiff" => "TIFF image",
            ".png" => "PNG image",
            ".jpg" or ".jpeg" or ".jfif" => "JPEG image",
            ".gif" => "GIF image",
            ".bmp" => "BMP image",
            ".webp" => "WebP image",
            _ => null,
        };
        if (claimed is not null)
        {
            return new SniffResult(ContentKind.Unknown, ClaimedByName: claimed);
        }

        if (extension == ".eml" || LooksLikeMailHeaders(head))
        {
            return new SniffResult(ContentKind.Mail);
        }

        if (!LooksLikeText(head))
        {
            return new SniffResult(ContentKind.Unknown);
        }

        return extension is ".htm" or ".html" || LooksLikeHtml(head)
            ? new SniffResult(ContentKind.Html)
            : new SniffResult(ContentKind.Text);
    }

    /// <summary>The media type for a sniffed kind.</summary>
    public static string MediaType(SniffResult result) => result.Kind switch
    {
        ContentKind.Pdf => "application/pdf",
        ContentKind.Mail => "message/rfc822",
        ContentKind.Html => "text/html",
        ContentKind.Text => "text/plain",
        ContentKind.Image => result.ImageFormat switch
        {
            Images.ImageFormat.Tiff => "image/tiff",
            Images.ImageFormat.Png => "image/png",
            Images.ImageFormat.Jpeg => "image/jpeg",
            Images.ImageFormat.Gif => "image/gif",
            Images.ImageFormat.Bmp => "image/bmp",
            _ => "image/webp",
        },
        _ => "application/octet-stream",
    };

    /// <summary>A short human description of unrecognised content: its extension and first bytes.</summary>
    public static string Describe(ReadOnlySpan<byte> head, string originalFileName)
    {
        var extension = Path.GetExtension(originalFileName);
        var firstBytes = Convert.ToHexString(head[..Math.Min(4, head.Length)]);
        var known = head switch
        {
            _ when head.StartsWith("PK\u0003\u0004"u8) => "a ZIP archive or Office document",
            _ when head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) => "an old Office/Outlook compound file",
            _ when head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) => "a gzip archive",
            _ when head.StartsWith("{\\rtf"u8) => "an RTF document",
            _ => null,
        };
        var what = known ?? $"content starting with bytes {firstBytes}";
        return string.IsNullOrEmpty(extension) ? what : $"{extension}, {what}";
    }

    private static ImageFormat? MagicImageFormat(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (head.Length >= 14 && head.StartsWith("BM"u8))
        {
            return ImageFormat.Bmp;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        return null;
    }

    private static bool LooksLikeMailHeaders(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head);
        var known = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0)
            {
                break;
            }

            if (trimmed[0] is ' ' or '\t')
            {
                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || trimmed[..colon].Any(c => c is <= ' ' or > '~'))
            {
                return false;
            }

            if (MailHeaderNames.Contains(trimmed[..colon].ToLowerInvariant()))
            {
                known++;
            }
        }

        return known >= 2;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (TextDecoding.HasUnicodeBom(head))
        {
            return true;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                control++;
            }
        }

        return control * 100 <= head.Length;
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var start = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
