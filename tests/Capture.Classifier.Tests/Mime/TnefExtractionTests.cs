using Capture.Classifier.Extraction;
using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Mime;

/// <summary>Outlook's rich-text attachments (application/ms-tnef, winmail.dat) are unpacked into their body and files.</summary>
public sealed class TnefExtractionTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    [Fact]
    public async Task Extract_WinmailDat_FilesBecomeAttachmentsAndContainerIsNotListed()
    {
        var tnef = await File.ReadAllBytesAsync(TestCorpus.RequireFile("mail/tnef/mimekit_attachments.winmail.dat"), TestContext.Current.CancellationToken);
        var expectedFiles = (await File.ReadAllLinesAsync(TestCorpus.RequireFile("mail/tnef/mimekit_attachments.list"), TestContext.Current.CancellationToken))
            .Where(name => name != "body.rtf") // MimeKit lists the RTF body too; here it is the message text, not a file.
            .Order(StringComparer.Ordinal);

        var document = await fixture.ExtractBytesAsync(
            TestMessages.WithAttachment("Files", "Please see attached.", "application/ms-tnef", "winmail.dat", tnef), "files.eml");

        Assert.Equal(expectedFiles, document.Attachments.Select(attachment => attachment.FileName).Order(StringComparer.Ordinal));
        Assert.Equal("Files\n\nPlease see attached.", document.Text);
        var photo = Assert.Single(document.Attachments, attachment => attachment.FileName == "zappa_av1.jpg");
        Assert.Equal("image/jpeg", photo.MediaType);
        Assert.Equal(2937, photo.Content.Length);
        Assert.True(photo.Content.Span.StartsWith(JpegMagic));
        var bookmarks = Assert.Single(document.Attachments, attachment => attachment.FileName == "bookmark.htm");
        Assert.Equal("text/html", bookmarks.MediaType);
        Assert.Contains("GoLive Actions Resource", bookmarks.Extracted!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_WinmailDatWithoutOtherBody_ItsRtfBodyBecomesTheText()
    {
        var tnef = await File.ReadAllBytesAsync(TestCorpus.RequireFile("mail/tnef/mimekit_long-filename.winmail.dat"), TestContext.Current.CancellationToken);

        var document = await fixture.ExtractBytesAsync(
            TestMessages.WithAttachment("RE: license file", body: null, "application/ms-tnef", "winmail.dat", tnef), "license.eml");

        Assert.StartsWith(
            "RE: license file\n\nI've attached a temp. license for QARun 4.7. Do you need something more permanent?",
            document.Text,
            StringComparison.Ordinal);
        Assert.Contains("Heather\n\n-----Original Message-----\nFrom: Mark Simpson [mailto:msimpson@numega.com]", document.Text, StringComparison.Ordinal);
        Assert.EndsWith("Mark Simpson Software Engineer\nCompuware Corporation msimpson@numega.com", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\par", document.Text, StringComparison.Ordinal);
        var license = Assert.Single(document.Attachments);
        Assert.Equal("allproductsmar2000.dat", license.FileName);
        Assert.Equal(279, license.Content.Length);
        Assert.StartsWith("FEATURE QARun_Developer compuware 4.70", license.Extracted!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_OutlookRichTextMail_UnpacksPhotoAndEmbeddedMessagesWithoutOutlooksNotices()
    {
        var document = await fixture.ExtractCorpusAsync("mail/mimekit_tnef-rich-text.eml");

        Assert.StartsWith("Rich Text\n\nYou've made this a Christmas to remember\nSpringtime feeling's in the middle of December", document.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["kitten-playing-with-a-christmas-tree.jpg", "Build a train table.eml", "Christmas Celebration!.eml"],
            document.Attachments.Select(attachment => attachment.FileName));
        var kitten = document.Attachments[0];
        Assert.Equal("image/jpeg", kitten.MediaType);
        Assert.Equal(375081, kitten.Content.Length);
        var train = document.Attachments[1];
        Assert.Equal("message/rfc822", train.MediaType);
        Assert.Equal("Build a train table\n\nBuild my nephew an HO-scale train table for Christmas.", train.Extracted!.Text);
        Assert.Empty(train.Extracted.Attachments);
        var celebration = document.Attachments[2].Extracted!;
        Assert.Equal("Christmas Celebration!\n\nIt's time for everyone to open their Christmas presents!", celebration.Text);
        var photo = Assert.Single(celebration.Attachments);
        Assert.Equal("kitten-playing-with-a-christmas-tree.jpg", photo.FileName);
        Assert.Equal("image/jpeg", photo.MediaType);
        Assert.True(photo.Content.Span.SequenceEqual(kitten.Content.Span));
    }

    [Fact]
    public async Task Extract_MessagesEmbeddedInTnefBeyondNestingLimit_StopWithReason()
    {
        var extractor = fixture.ExtractorWith(new ExtractionOptions { MaxMailNestingDepth = 0 });
        var path = TestCorpus.RequireFile("mail/mimekit_tnef-rich-text.eml");

        var document = await extractor.ExtractAsync(path, "rich-text.eml", TestContext.Current.CancellationToken);

        var embedded = document.Attachments.Where(attachment => attachment.MediaType == "message/rfc822").ToList();
        Assert.Equal(["Build a train table.eml", "Christmas Celebration!.eml"], embedded.Select(attachment => attachment.FileName));
        Assert.All(embedded, attachment =>
        {
            Assert.Null(attachment.Extracted);
            Assert.Contains("Extraction:MaxMailNestingDepth", attachment.FailureReason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Extract_TnefFilesBeyondAttachmentLimit_AreListedWithReason()
    {
        var extractor = fixture.ExtractorWith(new ExtractionOptions { MaxAttachmentsPerMail = 1 });
        var tnef = await File.ReadAllBytesAsync(TestCorpus.RequireFile("mail/tnef/mimekit_attachments.winmail.dat"), TestContext.Current.CancellationToken);

        var document = await ExtractorFixture.ExtractBytesAsync(
            extractor, TestMessages.WithAttachment("Files", "See attached.", "application/ms-tnef", "winmail.dat", tnef), "files.eml");

        Assert.Equal(2, document.Attachments.Count);
        Assert.NotNull(document.Attachments[0].Extracted);
        Assert.Null(document.Attachments[1].Extracted);
        Assert.Contains("Extraction:MaxAttachmentsPerMail", document.Attachments[1].FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_TnefWithOnlyHtmlBody_KeepsMimeBodyAndListsNothing()
    {
        var document = await fixture.ExtractCorpusAsync("mail/mimekit_tnef-ukr-koi8r.eml");

        Assert.Equal("rr test 7\n\nшостий\n\n\n{EMAILSIGNATURE}\n\n\n\nRR Test 1", document.Text);
        Assert.Empty(document.Attachments);
    }

    [Fact]
    public async Task Extract_TopLevelTnefThatIsNotTnef_GivesFailureReasonAndStillExtractsMessage()
    {
        // Hunnysoft's sample labels a PNG image as application/ms-tnef.
        var document = await fixture.ExtractCorpusAsync("mail/hunnysoft_m4006_tnef-toplevel.eml");

        Assert.Equal("Read: invitation", document.Text);
        var container = Assert.Single(document.Attachments);
        Assert.Equal("winmail.dat", container.FileName);
        Assert.Null(container.Extracted);
        Assert.Equal(
            "The Outlook rich-text attachment (TNEF, winmail.dat) cannot be unpacked: its content is not TNEF data (no TNEF signature).",
            container.FailureReason);
    }

    [Fact]
    public async Task Extract_TruncatedTnef_GivesFailureReasonAndStillExtractsMessage()
    {
        var tnef = await File.ReadAllBytesAsync(TestCorpus.RequireFile("mail/tnef/mimekit_attachments.winmail.dat"), TestContext.Current.CancellationToken);

        var document = await fixture.ExtractBytesAsync(
            TestMessages.WithAttachment("Files", "Please see attached.", "application/ms-tnef", "winmail.dat", tnef[..(tnef.Length / 2)]), "files.eml");

        Assert.Equal("Files\n\nPlease see attached.", document.Text);
        var container = Assert.Single(document.Attachments);
        Assert.Equal("winmail.dat", container.FileName);
        Assert.Equal(tnef.Length / 2, container.Content.Length);
        Assert.Equal("The Outlook rich-text attachment (TNEF, winmail.dat) cannot be unpacked: the data is truncated.", container.FailureReason);
    }
}
