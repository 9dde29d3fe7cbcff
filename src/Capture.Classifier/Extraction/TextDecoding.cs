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
    /// A byte-order mark decides; otherwise valid UTF-8 is UTF-8, and anything else is taken as windows-1250, the
    /// code page of Polish and Hungarian Windows (it also reads ASCII and most Central European text right).
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
            return Encoding.GetEncoding(1250).GetString(data);
        }
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
