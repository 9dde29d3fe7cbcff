using System.Globalization;
using System.Text;
using MimeKit;

namespace Capture.Classifier.Mime;

/// <summary>
/// Makes an attachment's file name safe to show and to store: no directories, no control characters, no characters
/// Windows forbids, no device names, bounded length; attachments without a usable name get
/// <c>attachment-N.ext</c> with the extension of their media type.
/// </summary>
public static class AttachmentFileName
{
    private const int MaxLength = 150;

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Returns a safe name for the attachment.</summary>
    /// <param name="proposed">The name the sender gave, or null.</param>
    /// <param name="index">1-based position of the attachment, used in the fallback name.</param>
    /// <param name="mediaType">The attachment's media type, e.g. <c>application/pdf</c>.</param>
    public static string Make(string? proposed, int index, string mediaType)
    {
        var name = Clean(proposed ?? string.Empty);
        if (name.Length == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"attachment-{index}{ExtensionFor(mediaType)}");
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        if (DeviceNames.Contains(stem))
        {
            name = "_" + name;
        }

        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length > 16 ? string.Empty : extension;
            name = name[..(MaxLength - extension.Length)].TrimEnd(' ', '.') + extension;
        }

        return name;
    }

    /// <summary>The usual extension (with its dot) for a media type, or <c>.bin</c>.</summary>
    public static string ExtensionFor(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "message/rfc822" or "message/global" => ".eml",
        "message/delivery-status" or "message/disposition-notification" or "text/rfc822-headers" => ".txt",
        "image/tif" => ".tif",
        _ => MimeTypes.TryGetExtension(mediaType, out var extension) ? extension : ".bin",
    };

    private static string Clean(string proposed)
    {
        // Whatever came before the last separator is a path on the sender's machine (or an attack).
        var lastSeparator = proposed.LastIndexOfAny(['/', '\\']);
        var name = lastSeparator >= 0 ? proposed[(lastSeparator + 1)..] : proposed;
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate)
            {
                continue;
            }

            builder.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        }

        // Leading dots hide files or climb directories; trailing dots and spaces are dropped by Windows.
        return builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ').Trim();
    }
}
