using Capture.Classifier.Extraction;
using Capture.Classifier.Ocr;
using Capture.Classifier.Tests.Extraction;
using Capture.Classifier.Tests.Ocr;
using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;

namespace Capture.Classifier.Tests.Pdf;

public sealed class SearchablePdfTests(ExtractorFixture fixture, ITestOutputHelper output) : IClassFixture<ExtractorFixture>
{
    [Fact]
    public async Task Extract_Phototest_ProducesSearchablePdfWithImageAndText()
    {
        var path = TestCorpus.RequireFile("scans/tesseract/phototest.tif");

        var document = await fixture.Extractor.ExtractAsync(path, "phototest.tif", TestContext.Current.CancellationToken);

        Assert.NotNull(document.SearchablePdf);
        output.WriteLine($"phototest.tif ({new FileInfo(path).Length} bytes): searchable PDF {document.SearchablePdf.Value.Length} bytes");
        using var pdf = PdfDocument.Open(document.SearchablePdf.Value.ToArray());
        var page = Assert.Single(pdf.GetPages());
        var words = string.Join(' ', page.GetWords().Select(word => word.Text));
        Assert.Contains("quick brown dog", words, StringComparison.Ordinal);
        Assert.Contains("quick", page.Text, StringComparison.Ordinal);
        Assert.Contains("brown", page.Text, StringComparison.Ordinal);
        Assert.Contains("dog", page.Text, StringComparison.Ordinal);
        Assert.Single(page.GetImages());
    }

    [Fact]
    public async Task Extract_MultiPageTiff_ProducesOnePdfPagePerImagePageInOrder()
    {
        using var temp = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        var polish = await SyntheticScan.RenderAsync("Reklamacja z Łodzi\nProszę o zwrot pieniędzy.\n", temp.Path, "pl", token);
        var upsideDown = SyntheticScan.Rotate(TestCorpus.RequireFile("scans/tesseract/phototest.tif"), 180, temp.Combine("upside-down.png"));
        var hungarian = await SyntheticScan.RenderAsync("Panasz a szállításról\nKöszönöm szépen.\n", temp.Path, "hu", token);
        var joined = SyntheticScan.JoinPages(temp.Combine("letter.tif"), polish, upsideDown, hungarian);

        var document = await fixture.Extractor.ExtractAsync(joined, "letter.tif", token);

        Assert.NotNull(document.SearchablePdf);
        output.WriteLine($"3-page TIFF ({new FileInfo(joined).Length} bytes): searchable PDF {document.SearchablePdf.Value.Length} bytes");
        using var pdf = PdfDocument.Open(document.SearchablePdf.Value.ToArray());
        var pages = pdf.GetPages().ToList();
        Assert.Equal(3, pages.Count);
        Assert.Contains("Łodzi", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("quick", pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("szállításról", pages[2].Text, StringComparison.Ordinal);
        Assert.All(pages, page => Assert.Single(page.GetImages()));
        Assert.Equal(180, document.Pages[1].Rotation);
    }

    [Fact]
    public async Task Extract_ScannedPdf_ProducesUprightSearchablePdf()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/cardinal.pdf");

        var document = await fixture.Extractor.ExtractAsync(path, "cardinal.pdf", TestContext.Current.CancellationToken);

        Assert.NotNull(document.SearchablePdf);
        output.WriteLine($"cardinal.pdf ({new FileInfo(path).Length} bytes): searchable PDF {document.SearchablePdf.Value.Length} bytes");
        using var pdf = PdfDocument.Open(document.SearchablePdf.Value.ToArray());
        var pages = pdf.GetPages().ToList();
        Assert.Equal(4, pages.Count);
        Assert.All(pages, page =>
        {
            // linn.png is a portrait page: once turned upright every page is portrait again, at about letter size.
            Assert.InRange(page.Width, 600, 625);
            Assert.InRange(page.Height, 780, 805);
            Assert.Contains("LinnSequencer", page.Text, StringComparison.Ordinal);
            Assert.Single(page.GetImages());
        });
    }

    [Fact]
    public async Task Extract_SearchablePdfTurnedOff_HasNone()
    {
        using var pool = new OcrEnginePool(
            new OcrOptions { MaxDegreeOfParallelism = 1, CreateSearchablePdf = false },
            NullLogger<OcrEnginePool>.Instance);
        var extractor = new DocumentTextExtractor(new ExtractionOptions(), pool, NullLogger<DocumentTextExtractor>.Instance);

        var document = await extractor.ExtractAsync(
            TestCorpus.RequireFile("scans/tesseract/phototest.tif"), "phototest.tif", TestContext.Current.CancellationToken);

        Assert.Contains("quick brown dog", document.Text, StringComparison.Ordinal);
        Assert.Null(document.SearchablePdf);
    }

    [Fact]
    public async Task Extract_ScanWhoseSearchablePdfWouldExceedTheLimit_HasNoneButItsText()
    {
        using var pool = new OcrEnginePool(
            new OcrOptions { MaxDegreeOfParallelism = 1, MaxSearchablePdfBytes = 10_000 },
            NullLogger<OcrEnginePool>.Instance);
        var extractor = new DocumentTextExtractor(new ExtractionOptions(), pool, NullLogger<DocumentTextExtractor>.Instance);
        var scan = Path.Combine(RepositoryRoot.Samples, "inbox", "hu-complaint-coffee-machine-2pages.tif");

        var document = await extractor.ExtractAsync(scan, "scan.tif", TestContext.Current.CancellationToken);

        // Its two 1-bit pages make a PDF of about 35 KB.
        Assert.Contains("R-2026-01455", document.Text, StringComparison.Ordinal);
        Assert.Equal(2, document.Pages.Count);
        Assert.Null(document.SearchablePdf);
    }

    [Fact]
    public void Options_WithANonPositiveSearchablePdfLimit_AreRefusedNamingTheKey()
    {
        var exception = Assert.Throws<ArgumentException>(() => new OcrOptions { MaxSearchablePdfBytes = 0 }.Validate());

        Assert.Contains("Ocr:MaxSearchablePdfBytes", exception.Message, StringComparison.Ordinal);
    }
}
