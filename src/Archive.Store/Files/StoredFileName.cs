using System.Globalization;

namespace Archive.Store.Files;

/// <summary>
/// Builds the name an original is stored under inside its case folder: <c>NN-sanitised-name.ext</c>.
/// The ordinal prefix keeps names unique within a case and keeps them in capture order.
/// </summary>
internal static class StoredFileName
{
    /// <summary>Budget for the sanitised name (stem + extension) in UTF-8 bytes; leaves room for the prefix,
    /// a de-duplication suffix, <c>.txt</c> and the temporary-file decoration within the usual 255-byte limit.</summary>
    public const int MaxNameBytes = 120;

    private const int MaxExtensionLength = 16;
    private const string Fallback = "document";

    /// <summary>The suffix of the extracted-text file stored beside an original.</summary>
    public const string TextSuffix = ".txt";

    /// <summary>Suffix of the searchable PDF derived from a scanned original.</summary>
    public const string SearchablePdfSuffix = ".searchable.pdf";

    /// <summary>Reduces an untrusted file name to a safe one: last path segment only, unsafe characters
    /// replaced, device names defused, cut to <see cref="MaxNameBytes"/> keeping the extension.</summary>
    public static string Sanitize(string? originalFileName)
    {
        var name = originalFileName ?? "";
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
        {
            name = name[(lastSeparator + 1)..];
        }

        name = PathSegment.CleanCharacters(name).Trim().TrimStart('.').TrimEnd(' ', '.');
        var (stem, extension) = Split(name);
        stem = stem.TrimEnd(' ', '.');
        if (stem.Length == 0 || stem.All(c => c == '_'))
        {
            stem = Fallback;
        }

        stem = PathSegment.TruncateUtf8(stem, MaxNameBytes - System.Text.Encoding.UTF8.GetByteCount(extension)).TrimEnd(' ', '.');
        if (stem.Length == 0)
        {
            stem = Fallback;
        }

        return PathSegment.AvoidDeviceName(stem + extension);
    }

    /// <summary>The stored name of the <paramref name="ordinal"/>-th document of a case.</summary>
    public static string Create(int ordinal, string? originalFileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{ordinal:00}-{Sanitize(originalFileName)}");

    /// <summary>The same name with a de-duplication counter before the extension: <c>01-a.pdf</c> → <c>01-a-2.pdf</c>.</summary>
    public static string WithCounter(string storedName, int counter)
    {
        var (stem, extension) = Split(storedName);
        return string.Create(CultureInfo.InvariantCulture, $"{stem}-{counter}{extension}");
    }

    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            return (name, "");
        }

        var extension = name[dot..];
        if (extension.Length > MaxExtensionLength || extension.Contains(' ', StringComparison.Ordinal))
        {
            return (name, "");
        }

        return (name[..dot], extension);
    }
}
