using System.Text;
using Capture.Classifier.Extraction;
using Capture.Classifier.Tests.Extraction;
using MimeKit.Encodings;

namespace Capture.Classifier.Tests.Mime;

/// <summary>Uuencoded files, whether inside a text body or as a part of their own, become attachments.</summary>
public sealed class UuencodeExtractionTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    // Sizes MimeKit decodes from the Netscape sample's x-uuencode parts; the same three images appear in all samples.
    private static readonly Dictionary<string, int> BallSizes = new(StringComparer.Ordinal)
    {
        ["redball.png"] = 1453, ["greenball.png"] = 1298, ["blueball.png"] = 1325,
    };

    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly byte[] PngEnd = [(byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    [Theory]
    [InlineData("hunnysoft_m0018_outlook-uuencode.eml", "Test message from Microsoft Outlook 00", "blueball.png greenball.png redball.png")]
    [InlineData("hunnysoft_m1014_netscape-x-uuencode.eml", "Test message from Netscape Communicator 4.7", "redball.png greenball.png blueball.png")]
    public async Task Extract_UuencodedImagesInBodyOrAsParts_BecomeAttachmentsAndLeaveTheText(string fileName, string subject, string images)
    {
        // Outlook put the blocks inside the text body; Netscape sent them as parts with Content-Transfer-Encoding: x-uuencode.
        var document = await fixture.ExtractCorpusAsync("mail/" + fileName);

        Assert.StartsWith(subject + "\n\nThe Hare and the Tortoise", document.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nSlow but steady wins the race.", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("begin ", document.Text, StringComparison.Ordinal);
        Assert.Equal(images.Split(' '), document.Attachments.Select(attachment => attachment.FileName));
        AssertBalls(document);
    }

    [Fact]
    public async Task Extract_EudoraUuencodeParts_DecodeImagesAndLatin1Text()
    {
        var document = await fixture.ExtractCorpusAsync("mail/hunnysoft_m3007_pine-uuencode.eml");

        Assert.Equal(["greenball.png", "blueball.png", "HasenundFrösche.txt"], document.Attachments.Select(attachment => attachment.FileName));
        AssertBalls(document);
        var fable = document.Attachments[2];
        Assert.Equal(747, fable.Content.Length);
        Assert.StartsWith("Die Hasen und die Frösche\n\nDie Hasen klagten einst über ihre mißliche Lage;", fable.Extracted!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_UuencodedGifsInPlainMessage_BecomeAttachmentsAndLeaveTheText()
    {
        var document = await fixture.ExtractCorpusAsync("mail/mime4j_uuencode-in-text.eml");

        Assert.Equal("uudecoding\n\nI've uuencoded the ZeeGee logo and another GIF file below.", document.Text);
        Assert.Equal(["up.gif", "zeegee.gif"], document.Attachments.Select(attachment => attachment.FileName));
        Assert.All(document.Attachments, attachment =>
        {
            Assert.Equal("image/gif", attachment.MediaType);
            Assert.True(attachment.Content.Span.StartsWith("GIF8"u8));
        });
    }

    [Fact]
    public async Task Extract_UuencodedBlocksWithHostileNames_GetSafeNamesAndExactContent()
    {
        var passwd = "root:x:0:0:root:/root:/bin/bash\n"u8.ToArray();
        var note = Encoding.UTF8.GetBytes("Łódź, reklamacja nr 42");
        var body = "Dzień dobry,\n\n" + Uuencode("../../etc/passwd", passwd) + "\n" + Uuencode("evil\u0007\u001b[2Jname.txt", note) + "\nPozdrawiam\n";
        var message = TestMessages.Raw("From: a@example.pl\r\nSubject: Pliki\r\nContent-Type: text/plain; charset=utf-8", Encoding.UTF8.GetBytes(body));

        var document = await fixture.ExtractBytesAsync(message, "files.eml");

        Assert.Equal("Pliki\n\nDzień dobry,\n\nPozdrawiam", document.Text);
        Assert.Equal(["passwd", "evil[2Jname.txt"], document.Attachments.Select(attachment => attachment.FileName));
        Assert.Equal(passwd, document.Attachments[0].Content.ToArray());
        Assert.Equal(note, document.Attachments[1].Content.ToArray());
        Assert.Equal("Łódź, reklamacja nr 42", document.Attachments[1].Extracted!.Text);
    }

    [Fact]
    public async Task Extract_BeginLineWithoutEncodedBlock_StaysText()
    {
        const string Body = "begin 644 is the mode we set on the file\nthen it worked\nend\n";
        var message = TestMessages.Raw("From: a@example.com\r\nSubject: Permissions\r\nContent-Type: text/plain", Encoding.ASCII.GetBytes(Body));

        var document = await fixture.ExtractBytesAsync(message, "note.eml");

        Assert.Equal("Permissions\n\n" + Body.TrimEnd(), document.Text);
        Assert.Empty(document.Attachments);
    }

    [Fact]
    public async Task Extract_ApplicationXUuencodePartWithoutTransferEncoding_IsDecoded()
    {
        var content = "Numer zamówienia: 12345\n"u8.ToArray();
        var message = "From: a@example.pl\r\nSubject: Zamówienie\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nW załączeniu.\r\n" +
            "--b\r\nContent-Type: application/x-uuencode\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" + Uuencode("order.txt", content).Replace("\n", "\r\n", StringComparison.Ordinal) +
            "--b--\r\n";

        var document = await fixture.ExtractBytesAsync(Encoding.UTF8.GetBytes(message), "order.eml");

        var order = Assert.Single(document.Attachments);
        Assert.Equal("order.txt", order.FileName);
        Assert.Equal("text/plain", order.MediaType);
        Assert.Equal(content, order.Content.ToArray());
        Assert.Equal("Numer zamówienia: 12345", order.Extracted!.Text);
    }

    private static void AssertBalls(ExtractedDocument document)
    {
        foreach (var ball in document.Attachments.Where(attachment => BallSizes.ContainsKey(attachment.FileName)))
        {
            Assert.Equal("image/png", ball.MediaType);
            Assert.Equal(BallSizes[ball.FileName], ball.Content.Length);
            Assert.True(ball.Content.Span.StartsWith(PngMagic), ball.FileName);
            Assert.True(ball.Content.Span.EndsWith(PngEnd), ball.FileName);
        }
    }

    /// <summary>A uuencoded block as old mailers wrote it, encoded by MimeKit's encoder.</summary>
    private static string Uuencode(string name, byte[] content)
    {
        var encoder = new UUEncoder();
        var output = new byte[encoder.EstimateOutputLength(content.Length)];
        var length = encoder.Flush(content, 0, content.Length, output);
        return $"begin 644 {name}\n{Encoding.ASCII.GetString(output, 0, length).ReplaceLineEndings("\n")}end\n";
    }
}
