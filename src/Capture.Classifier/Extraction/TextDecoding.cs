using System.Text;

namespace Capture.Classifier.Extraction;

/// <summary>Decodes plain-text files whose encoding nobody declared.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => LegacyEncodings.EnsureRegistered();

    public static bool HasUnicodeBom(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>
    /// A byte-order mark decides; otherwise valid UTF-8 is UTF-8, and anything else is read in the Central European
    /// code page its bytes point to (<see cref="GuessCentralEuropeanCodePage"/>).
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(data[3..]);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(data[2..]);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(data[2..]);
        }

        try
        {
            return StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(GuessCentralEuropeanCodePage(data)).GetString(data);
        }
    }

    /// <summary>
    /// Tells windows-1250 (Polish and Hungarian Windows) from ISO-8859-2 (Unix mailers and web forms) for 8-bit text
    /// that declares no charset. The two agree on ę, ł, ó, ż, ć, ń, ő, ű and the other shared letters; they differ
    /// on ą, ś, ź and their capitals, so those bytes decide. Bytes 0x80–0x9F are control codes in ISO-8859-2 and never
    /// text, so they count for windows-1250. When nothing tells them apart windows-1250 is taken.
    /// </summary>
    /// <returns>1250 or 28592.</returns>
    public static int GuessCentralEuropeanCodePage(ReadOnlySpan<byte> data)
    {
        var windows1250 = 0;
        var iso88592 = 0;
        foreach (var b in data)
        {
            switch (b)
            {
                case >= 0x80 and <= 0x9F or 0xA5 or 0xB9: // C1 in ISO-8859-2; Ą ą in windows-1250
                    windows1250++;
                    break;
                case 0xA1 or 0xA6 or 0xAC or 0xB1 or 0xB6 or 0xBC: // Ą Ś Ź ą ś ź in ISO-8859-2
                    iso88592++;
                    break;
                default:
                    break;
            }
        }

        return iso88592 > windows1250 ? 28592 : 1250;
    }
}

/// <summary>Makes the legacy code pages (windows-1250, ISO-8859-2, KOI8-R…) available to <see cref="Encoding"/>.</summary>
internal static class LegacyEncodings
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
