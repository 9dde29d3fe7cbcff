using System.Text;
using Capture.Classifier.Tests.Extraction;

namespace Capture.Classifier.Tests.Mime;

/// <summary>Polish and Hungarian mail in ISO-8859-2 and windows-1250, declared in every way mailers declare it, or not at all.</summary>
public sealed class CentralEuropeanMailTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private const string Polish = "Dzień dobry, składam reklamację. Przesyłka z Łodzi (Łódź) dotarła uszkodzona; źle naliczono opłatę. Ślę pozdrowienia, Żaneta Świątek";
    private const string Hungarian = "Tisztelt Ügyfélszolgálat! Szeretném benyújtani a panaszomat: őrültség, hogy a csomag sérülten érkezett. Üdvözlettel: Kovács Ödön";
    private const string Subject = "Reklamacja: Łódź, źle naliczona opłata – őrültség";
    private const string Sender = "Kovács Ödön Świątek";

    static CentralEuropeanMailTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, int, string> CharsetsAndTexts() => new()
    {
        { "iso-8859-2", 28592, Polish }, { "iso-8859-2", 28592, Hungarian }, { "windows-1250", 1250, Polish },
        { "windows-1250", 1250, Hungarian }, { "ISO8859-2", 28592, Polish }, { "latin2", 28592, Hungarian },
        { "cp1250", 1250, Polish }, { "x-cp1250", 1250, Hungarian },
    };

    [Theory]
    [MemberData(nameof(CharsetsAndTexts))]
    public async Task Extract_BodyInDeclaredLegacyCharset_DecodesExactly(string charset, int codePage, string text)
    {
        var message = TestMessages.Raw(
            $"From: a@example.pl\r\nSubject: Panasz\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"{charset}\"\r\nContent-Transfer-Encoding: 8bit",
            Encoding.GetEncoding(codePage).GetBytes(text));

        var document = await fixture.ExtractBytesAsync(message, "body.eml");

        Assert.Equal("Panasz\n\n" + text, document.Text);
    }

    [Theory]
    [InlineData("iso-8859-2", 'Q')]
    [InlineData("iso-8859-2", 'B')]
    [InlineData("windows-1250", 'Q')]
    [InlineData("windows-1250", 'B')]
    public async Task Extract_EncodedWordSubjectAndSender_DecodeExactly(string charset, char encoding)
    {
        var subject = Rfc2047("Reklamacja: Łódź, źle naliczona opłata,", charset, encoding) + " panaszomat " + Rfc2047("őrültség", charset, encoding);
        var message = TestMessages.Raw(
            $"From: {Rfc2047("Kovács Ödön Świątek", charset, encoding)} <odon@example.hu>\r\nSubject: {subject}\r\nContent-Type: text/plain",
            "Panaszomat"u8.ToArray());

        var document = await fixture.ExtractBytesAsync(message, "subject.eml");

        Assert.Equal("Reklamacja: Łódź, źle naliczona opłata, panaszomat őrültség", document.Mail!.Subject);
        Assert.Equal(Sender, document.Mail.FromName);
        Assert.Equal("odon@example.hu", document.Mail.FromAddress);
    }

    [Theory]
    [InlineData("iso-8859-2")]
    [InlineData("windows-1250")]
    public async Task Extract_Rfc2231AndEncodedWordFileNames_DecodeExactly(string charset)
    {
        var bytes = Encoding.GetEncoding(charset);
        var rfc2231 = string.Concat(bytes.GetBytes("reklamację_Łódź.txt").Select(b => b is >= 0x80 or (byte)' ' ? $"%{b:X2}" : ((char)b).ToString()));
        var message = "From: a@example.pl\r\nSubject: Pliki\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nW załączeniu.\r\n" +
            $"--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename*={charset}''{rfc2231}\r\n\r\nA\r\n" +
            $"--b\r\nContent-Type: text/plain; name=\"{Rfc2047("panaszom_őrültség.txt", charset, 'B')}\"\r\nContent-Disposition: attachment\r\n\r\nB\r\n" +
            "--b--\r\n";

        var document = await fixture.ExtractBytesAsync(Encoding.UTF8.GetBytes(message), "files.eml");

        Assert.Equal(["reklamację_Łódź.txt", "panaszom_őrültség.txt"], document.Attachments.Select(attachment => attachment.FileName));
    }

    [Theory]
    [InlineData("iso-8859-2")]
    [InlineData("windows-1250")]
    public async Task Extract_EightBitHeadersWithoutCharset_DecodeInTheCharsetTheBytesPointTo(string charset)
    {
        var bytes = Encoding.GetEncoding(charset);
        var message = "From: Kovács Ödön Świątek <odon@example.hu>\r\nSubject: " + Subject.Replace(" –", ",", StringComparison.Ordinal) +
            "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\n" + Polish + "\r\n" +
            "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"skarga_Łódź.txt\"\r\n\r\n" + Hungarian + "\r\n--b--\r\n";

        var document = await fixture.ExtractBytesAsync(bytes.GetBytes(message), "eightbit.eml");

        Assert.Equal("Reklamacja: Łódź, źle naliczona opłata, őrültség", document.Mail!.Subject);
        Assert.Equal(Sender, document.Mail.FromName);
        Assert.Equal("Reklamacja: Łódź, źle naliczona opłata, őrültség\n\n" + Polish, document.Text);
        var complaint = Assert.Single(document.Attachments);
        Assert.Equal("skarga_Łódź.txt", complaint.FileName);
        Assert.Equal(Hungarian, complaint.Extracted!.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("; charset=us-ascii")]
    [InlineData("; charset=utf-8")]
    [InlineData("; charset=x-unknown")]
    public async Task Extract_Windows1250BodyWithMissingOrWrongCharset_DecodesExactly(string parameter)
    {
        var message = TestMessages.Raw($"From: a@example.pl\r\nSubject: Reklamacja\r\nContent-Type: text/plain{parameter}", Encoding.GetEncoding(1250).GetBytes(Polish));

        var document = await fixture.ExtractBytesAsync(message, "undeclared.eml");

        Assert.Equal("Reklamacja\n\n" + Polish, document.Text);
    }

    [Fact]
    public async Task Extract_Iso88592TextFile_DecodesExactly()
    {
        var document = await fixture.ExtractBytesAsync(Encoding.GetEncoding("iso-8859-2").GetBytes(Polish + "\n" + Hungarian), "complaint.txt");

        Assert.Equal(Polish + "\n" + Hungarian, document.Text);
    }

    /// <summary>An RFC 2047 encoded word, Q or B encoded.</summary>
    private static string Rfc2047(string text, string charset, char encoding)
    {
        var bytes = Encoding.GetEncoding(charset).GetBytes(text);
        var encoded = encoding == 'B'
            ? Convert.ToBase64String(bytes)
            : string.Concat(bytes.Select(b => b switch
            {
                (byte)' ' => "_",
                >= 0x80 or (byte)'=' or (byte)'?' or (byte)'_' or (byte)',' or (byte)':' => $"={b:X2}",
                _ => ((char)b).ToString(),
            }));
        return $"=?{charset}?{encoding}?{encoded}?=";
    }
}
