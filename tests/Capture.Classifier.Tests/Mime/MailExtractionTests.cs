using System.Text;
using Capture.Classifier.Extraction;
using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Mime;

public sealed class MailExtractionTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    public static TheoryData<string> CorpusMessages()
    {
        var data = new TheoryData<string>();
        var directory = TestCorpus.Directory is { } root ? Path.Combine(root, "mail") : null;
        if (directory is null || !Directory.Exists(directory))
        {
            data.Add("(corpus missing)");
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.eml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusMessages))]
    public async Task Extract_CorpusMessage_ReturnsEnvelopeOrClearReason(string fileName)
    {
        var path = TestCorpus.RequireFile(Path.Combine("mail", fileName));

        try
        {
            var document = await fixture.Extractor.ExtractAsync(path, fileName, TestContext.Current.CancellationToken);

            Assert.Equal("message/rfc822", document.MediaType);
            Assert.NotNull(document.Mail);
            Assert.All(document.Attachments, attachment =>
            {
                Assert.True(attachment.Extracted is not null ^ attachment.FailureReason is not null, attachment.FileName);
                Assert.DoesNotContain('/', attachment.FileName);
                Assert.DoesNotContain('\\', attachment.FileName);
            });
        }
        catch (UnreadableDocumentException exception)
        {
            Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        }
    }

    [Fact]
    public async Task Extract_Iso88592EncodedWords_DecodeSubjectAndSender()
    {
        var path = TestCorpus.RequireFile("mail/mime4j_intl-iso-8859-2-ew.eml");

        var document = await fixture.Extractor.ExtractAsync(path, "intl.eml", TestContext.Current.CancellationToken);

        Assert.Equal("If you can read this you understand the example... so, cool!", document.Mail!.Subject);
        Assert.Equal("Keith Moore", document.Mail.FromName);
        Assert.Equal("moore@cs.utk.edu", document.Mail.FromAddress);
        Assert.StartsWith("If you can read this you understand the example... so, cool!\n\nHow's this?", document.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso-8859-2")]
    [InlineData("windows-1250")]
    public async Task Extract_PolishBodyInLegacyCharset_DecodesDiacritics(string charset)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string Body = "Dzień dobry, składam reklamację. Pozdrawiam, Łukasz Żółć";
        var header = $"From: =?{charset}?Q?=A3ukasz?= <lukasz@example.pl>\r\nSubject: Reklamacja\r\nMIME-Version: 1.0\r\n" +
            $"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(header).Concat(Encoding.GetEncoding(charset).GetBytes(Body + "\r\n")).ToArray();

        var document = await fixture.ExtractBytesAsync(bytes, "polish.eml");

        Assert.Equal("Reklamacja\n\n" + Body, document.Text);
    }

    [Fact]
    public async Task Extract_Koi8rAttachmentName_IsDecoded()
    {
        var path = TestCorpus.RequireFile("mail/mime4j_russian-koi8r-ew.eml");

        var document = await fixture.Extractor.ExtractAsync(path, "russian.eml", TestContext.Current.CancellationToken);

        var attachment = Assert.Single(document.Attachments);
        Assert.Equal("Список.doc", attachment.FileName);
    }

    [Fact]
    public async Task Extract_HtmlOnlyMail_GivesTextWithoutTagsScriptsOrEntities()
    {
        const string Message = "From: Anna <anna@example.hu>\r\nSubject: Panasz\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/html; charset=utf-8\r\n\r\n" +
            "<html><head><title>ignored title</title><style>p { color: red }</style></head><body>" +
            "<script>alert('x')</script><p>Tisztelt &Uuml;gyf&eacute;lszolg&aacute;lat!</p><div>A csomag s&eacute;r&uuml;lten &amp; k&eacute;s&#337;n &eacute;rkezett.<br>Rendel&eacute;s: 12345</div>" +
            "<table><tr><td>Összeg</td><td>5&nbsp;000 Ft</td></tr></table></body></html>\r\n";

        var document = await fixture.ExtractBytesAsync(Encoding.UTF8.GetBytes(Message), "html.eml");

        Assert.Equal(
            "Panasz\n\nTisztelt Ügyfélszolgálat!\n\nA csomag sérülten & későn érkezett.\nRendelés: 12345\n\nÖsszeg 5 000 Ft",
            document.Text);
        Assert.Empty(document.Attachments);
    }

    [Fact]
    public async Task Extract_AlternativePlainAndHtml_UsesPlainOnceAndNoAttachments()
    {
        const string Message = "From: a@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/alternative; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain body\r\n" +
            "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Html body</p>\r\n--b--\r\n";

        var document = await fixture.ExtractBytesAsync(Encoding.UTF8.GetBytes(Message), "alt.eml");

        Assert.Equal("Hi\n\nPlain body", document.Text);
        Assert.Empty(document.Attachments);
    }

    [Fact]
    public async Task Extract_HostileAttachmentNames_AreMadeSafe()
    {
        const string Message = "From: a@example.com\r\nSubject: Files\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
            "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"../../etc/passwd\"\r\n\r\nroot:x:0:0\r\n" +
            "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"C:\\\\Windows\\\\evil\u0001name.txt\"\r\n\r\nx\r\n" +
            "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"..\"\r\n\r\n%PDF-1.4 broken\r\n" +
            "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"CON.txt\"\r\n\r\ndevice\r\n" +
            "--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n" +
            "--b--\r\n";

        var document = await fixture.ExtractBytesAsync(Encoding.UTF8.GetBytes(Message), "files.eml");

        Assert.Equal(["passwd", "evilname.txt", "attachment-3.pdf", "_CON.txt", "attachment-5.png"], document.Attachments.Select(a => a.FileName));
        Assert.Equal("root:x:0:0", document.Attachments[0].Extracted!.Text);
        Assert.StartsWith("The PDF is damaged and cannot be read", document.Attachments[2].FailureReason, StringComparison.Ordinal);
        Assert.NotNull(document.Attachments[4].FailureReason);
        Assert.Equal("Files\n\nSee attached.", document.Text);
    }

    [Fact]
    public async Task Extract_ForwardedMessage_IsExtractedAsNestedMail()
    {
        var path = TestCorpus.RequireFile("mail/mimekit_embedded-rfc822.eml");

        var document = await fixture.Extractor.ExtractAsync(path, "embedded.eml", TestContext.Current.CancellationToken);

        var forwarded = Assert.Single(document.Attachments, attachment => attachment.MediaType == "message/rfc822");
        Assert.EndsWith(".eml", forwarded.FileName, StringComparison.Ordinal);
        Assert.NotNull(forwarded.Extracted?.Mail);
    }

    [Fact]
    public async Task Extract_MessagesNestedBeyondDepthLimit_StopWithReason()
    {
        var message = "From: a@example.com\r\nSubject: level 0\r\nContent-Type: text/plain\r\n\r\ninnermost\r\n";
        for (var level = 1; level <= 5; level++)
        {
            message = $"From: a@example.com\r\nSubject: level {level}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b{level}\r\n\r\n" +
                $"--b{level}\r\nContent-Type: text/plain\r\n\r\nForwarding\r\n--b{level}\r\nContent-Type: message/rfc822\r\n\r\n{message}\r\n--b{level}--\r\n";
        }

        var document = await fixture.ExtractBytesAsync(Encoding.UTF8.GetBytes(message), "deep.eml");

        var depth = 0;
        var current = document;
        ExtractedAttachment? last = null;
        while (current?.Attachments.Count > 0)
        {
            last = current.Attachments[0];
            current = last.Extracted;
            depth++;
        }

        Assert.Equal(4, depth);
        Assert.Contains("Extraction:MaxMailNestingDepth", last!.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mimekit_delivery-status.eml", MailKind.DeliveryStatus)]
    [InlineData("mimekit_bounce.eml", MailKind.DeliveryStatus)]
    [InlineData("mimekit_disposition-notification.eml", MailKind.ReadReceipt)]
    [InlineData("mime4j_intl-iso-8859-2-ew.eml", MailKind.Personal)]
    public async Task Extract_CorpusMessage_HasExpectedKind(string fileName, MailKind expected)
    {
        var path = TestCorpus.RequireFile(Path.Combine("mail", fileName));

        var document = await fixture.Extractor.ExtractAsync(path, fileName, TestContext.Current.CancellationToken);

        Assert.Equal(expected, document.Mail!.Kind);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied", MailKind.AutoReply)]
    [InlineData("Auto-Submitted: no", MailKind.Personal)]
    [InlineData("X-Autoreply: yes", MailKind.AutoReply)]
    [InlineData("X-Autorespond: vacation", MailKind.AutoReply)]
    [InlineData("Precedence: auto_reply", MailKind.AutoReply)]
    [InlineData("Precedence: bulk", MailKind.Personal)]
    public async Task Extract_AutomaticReplyHeaders_DecideKind(string header, MailKind expected)
    {
        var message = $"From: a@example.com\r\nSubject: Out of office\r\n{header}\r\nContent-Type: text/plain\r\n\r\nAway.\r\n";

        var document = await fixture.ExtractBytesAsync(Encoding.UTF8.GetBytes(message), "auto.eml");

        Assert.Equal(expected, document.Mail!.Kind);
    }

    [Fact]
    public async Task Extract_ThreadHeaders_AreInEnvelope()
    {
        const string Message = "From: \"Kowalski, Jan\" <jan@example.pl>\r\nSubject: Re: C-2026-000123\r\n" +
            "Message-ID: <b@example.pl>\r\nIn-Reply-To: <a@capture.example>\r\nReferences: <root@capture.example> <a@capture.example>\r\n" +
            "Date: Tue, 03 Nov 2026 10:15:00 +0100\r\nContent-Type: text/plain\r\n\r\nThanks\r\n";

        var envelope = (await fixture.ExtractBytesAsync(Encoding.UTF8.GetBytes(Message), "thread.eml")).Mail!;

        Assert.Equal("Kowalski, Jan", envelope.FromName);
        Assert.Equal("b@example.pl", envelope.MessageId);
        Assert.Equal("a@capture.example", envelope.InReplyTo);
        Assert.Equal(["root@capture.example", "a@capture.example"], envelope.References);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 10, 15, 0, TimeSpan.FromHours(1)), envelope.Date);
    }
}
