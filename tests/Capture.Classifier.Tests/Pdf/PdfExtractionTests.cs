using Capture.Classifier.Extraction;
using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Pdf;

public sealed class PdfExtractionTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    [Fact]
    public async Task Extract_PdfWithTextLayer_ReadsTextWithoutOcr()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/tagged.pdf");

        var document = await fixture.Extractor.ExtractAsync(path, "tagged.pdf", TestContext.Current.CancellationToken);

        Assert.Equal("application/pdf", document.MediaType);
        Assert.Equal(2, document.PageCount);
        Assert.False(document.UsedOcr);
        Assert.Null(document.OcrConfidence);
        Assert.Contains("Table of Contents", document.Pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Page 2 Heading", document.Text, StringComparison.Ordinal);
        Assert.Null(document.SearchablePdf);
        Assert.All(document.Pages, page => Assert.Equal((0, 0.0), (page.Rotation, page.Skew)));
    }

    [Fact]
    public async Task Extract_AlreadyOcredPdf_UsesItsInvisibleTextLayer()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/graph_ocred.pdf");

        var document = await fixture.Extractor.ExtractAsync(path, "graph_ocred.pdf", TestContext.Current.CancellationToken);

        var page = Assert.Single(document.Pages);
        Assert.False(page.FromOcr);
        Assert.Contains("Percentage", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ImageOnlyPdf_RendersAndRecognisesThePage()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/linn.pdf");

        var document = await fixture.Extractor.ExtractAsync(path, "linn.pdf", TestContext.Current.CancellationToken);

        var page = Assert.Single(document.Pages);
        Assert.True(page.FromOcr);
        Assert.True(document.UsedOcr);
        var text = page.Text.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("LinnSequencer", text, StringComparison.Ordinal);
        Assert.Contains("MIDI", page.Text, StringComparison.Ordinal);
        Assert.Contains("professional musician", page.Text, StringComparison.Ordinal);
        Assert.True(page.Confidence > 0.7, $"confidence {page.Confidence}");
    }

    [Fact]
    public async Task Extract_MixedPdf_TakesTextLayerPagesAsIsAndRecognisesScannedPages()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/multipage.pdf");

        var document = await fixture.Extractor.ExtractAsync(path, "multipage.pdf", TestContext.Current.CancellationToken);

        Assert.Equal(6, document.PageCount);
        Assert.False(document.Pages[3].FromOcr);
        Assert.Contains("Percentage", document.Pages[3].Text, StringComparison.Ordinal);
        Assert.All(document.Pages.Where(page => page.Number != 4), page => Assert.True(page.FromOcr));
        Assert.True(document.UsedOcr);

        // A mixed PDF keeps its original as the searchable copy: it already has text where it matters.
        Assert.Null(document.SearchablePdf);
    }

    [Fact]
    public async Task Extract_InvalidPdf_IsUnreadableAsDamaged()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/invalid.pdf");

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => fixture.Extractor.ExtractAsync(path, "invalid.pdf", TestContext.Current.CancellationToken));

        Assert.StartsWith("The PDF is damaged and cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_TruncatedPdf_IsUnreadableAsDamaged()
    {
        using var temp = new TempDirectory();
        var original = await File.ReadAllBytesAsync(TestCorpus.RequireFile("scans/ocrmypdf/tagged.pdf"), TestContext.Current.CancellationToken);
        var truncated = temp.Combine("truncated.pdf");
        await File.WriteAllBytesAsync(truncated, original.AsMemory(0, 600), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => fixture.Extractor.ExtractAsync(truncated, "truncated.pdf", TestContext.Current.CancellationToken));

        Assert.StartsWith("The PDF is damaged and cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_PasswordProtectedPdf_AsksForUnprotectedCopy()
    {
        using var temp = new TempDirectory();
        var encrypted = temp.Combine("encrypted.pdf");
        await File.WriteAllTextAsync(encrypted, EncryptedPdf.Build(), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => fixture.Extractor.ExtractAsync(encrypted, "encrypted.pdf", TestContext.Current.CancellationToken));

        Assert.Equal("The PDF is password protected; ask the sender for an unprotected copy.", error.Message);
    }
}
