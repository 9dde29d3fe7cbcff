using System.Text;
using System.Text.Unicode;
using Capture.Classifier.Extraction;
using MimeKit;

namespace Capture.Classifier.Mime;

/// <summary>
/// Parses e-mail tolerantly with MimeKit. Header text in raw 8-bit bytes without a declared charset (old mailers, web
/// forms) is read as windows-1250, or as ISO-8859-2 when its bytes point there
/// (<see cref="TextDecoding.GuessCentralEuropeanCodePage"/>); MimeKit on its own would read it as ISO-8859-1 and turn
/// "Łódź" into "£ód¼". UTF-8 and RFC 2047/2231 encoded text keep their own charsets.
/// </summary>
internal static class MailParsing
{
    private const int Windows1250 = 1250;

    private static readonly ParserOptions Windows1250Headers = CreateParserOptions(Windows1250);
    private static readonly ParserOptions Iso88592Headers = CreateParserOptions(28592);

    /// <exception cref="FormatException">MimeKit cannot parse the message at all.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<MimeMessage> LoadAsync(byte[] data, CancellationToken cancellationToken)
    {
        var message = await LoadAsync(Windows1250Headers, data, cancellationToken);
        if (UndeclaredHeaderCodePage(message) == Windows1250)
        {
            return message;
        }

        message.Dispose();
        return await LoadAsync(Iso88592Headers, data, cancellationToken);
    }

    private static async Task<MimeMessage> LoadAsync(ParserOptions parsing, byte[] data, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(data, writable: false);
        return await MimeMessage.LoadAsync(parsing, stream, cancellationToken);
    }

    /// <summary>The code page that the 8-bit, non-UTF-8 header values of the message point to.</summary>
    private static int UndeclaredHeaderCodePage(MimeMessage message)
    {
        var undeclared = new List<byte>();
        var headers = message.Headers.ToList();
        using (var parts = new MimeIterator(message))
        {
            while (parts.MoveNext())
            {
                headers.AddRange(parts.Current.Headers);
            }
        }

        foreach (var raw in headers.Select(header => header.RawValue))
        {
            if (raw.Any(b => b >= 0x80) && !Utf8.IsValid(raw))
            {
                undeclared.AddRange(raw);
            }
        }

        return undeclared.Count == 0 ? Windows1250 : TextDecoding.GuessCentralEuropeanCodePage([.. undeclared]);
    }

    private static ParserOptions CreateParserOptions(int undeclaredHeaderCodePage)
    {
        LegacyEncodings.EnsureRegistered();
        var parsing = ParserOptions.Default.Clone();
        parsing.AddressParserComplianceMode = RfcComplianceMode.Looser;
        parsing.ParameterComplianceMode = RfcComplianceMode.Looser;
        parsing.Rfc2047ComplianceMode = RfcComplianceMode.Looser;
        parsing.AllowAddressesWithoutDomain = true;
        parsing.MaxAddressGroupDepth = 3;
        parsing.MaxMimeDepth = 64;
        parsing.CharsetEncoding = Encoding.GetEncoding(undeclaredHeaderCodePage);
        return parsing;
    }
}
