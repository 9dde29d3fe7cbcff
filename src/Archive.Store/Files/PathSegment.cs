using System.Globalization;
using System.Text;

namespace Archive.Store.Files;

/// <summary>
/// Turns untrusted text into one safe path segment (a folder or file name) on every platform we run on:
/// no separators, no control or invisible formatting characters, no characters Windows forbids,
/// no leading dots (hidden files, <c>..</c>), no trailing dots or spaces, no reserved device names.
/// </summary>
internal static class PathSegment
{
    private const string Forbidden = "<>:\"/\\|?*";

    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>Replaces every unsafe character with <c>_</c> and normalises to NFC; the result may still be empty.</summary>
    public static string CleanCharacters(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            // EnumerateRunes turns a lone surrogate into U+FFFD, which we treat as unsafe too.
            if (rune == Rune.ReplacementChar || IsUnsafe(rune))
            {
                AppendUnderscore(builder);
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Makes a complete segment: cleaned, trimmed, never empty, never a device name.</summary>
    public static string Sanitize(string? value, string fallback)
    {
        var cleaned = CleanCharacters(value).Trim().TrimStart('.').TrimEnd(' ', '.');
        if (cleaned.Length == 0 || cleaned.All(c => c == '_'))
        {
            return fallback;
        }

        return AvoidDeviceName(cleaned);
    }

    /// <summary>Prefixes <c>_</c> when the part before the first dot is a Windows device name (CON, NUL, COM1...).</summary>
    public static string AvoidDeviceName(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        return ReservedDeviceNames.Contains(stem) ? "_" + name : name;
    }

    /// <summary>Cuts <paramref name="value"/> to at most <paramref name="maxUtf8Bytes"/> bytes without splitting a character.</summary>
    public static string TruncateUtf8(string value, int maxUtf8Bytes)
    {
        if (Encoding.UTF8.GetByteCount(value) <= maxUtf8Bytes)
        {
            return value;
        }

        var bytes = 0;
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(value);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (bytes + size > maxUtf8Bytes)
            {
                break;
            }

            bytes += size;
            length += element.Length;
        }

        return value[..length];
    }

    private static bool IsUnsafe(Rune rune)
    {
        if (rune.IsAscii && Forbidden.Contains((char)rune.Value, StringComparison.Ordinal))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control
            or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned;
    }

    private static void AppendUnderscore(StringBuilder builder)
    {
        // Runs of unsafe characters collapse to one underscore so a name of 300 NULs stays short.
        if (builder.Length == 0 || builder[^1] != '_')
        {
            builder.Append('_');
        }
    }
}
