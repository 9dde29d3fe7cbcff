using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Ocr;

public sealed class ScanExtractionTests(ExtractorFixture fixture) : IClassFixture<ExtractorFixture>
{
    private const string PolishLetter =
        "Reklamacja z Łodzi\nSkładam reklamację dotyczącą przesyłki.\nZażółć gęślą jaźń, proszę o zwrot pieniędzy.\n";

    private const string HungarianLetter =
        "Panasz a szállításról\nÁrvíztűrő tükörfúrógép, kérem a pénz visszatérítését.\nKöszönöm szépen.\n";

    [Fact]
    public async Task Extract_PolishScan_RecoversDiacritics()
    {
        using var temp = new TempDirectory();
        var scan = await SyntheticScan.RenderAsync(PolishLetter, temp.Path, "pl", TestContext.Current.CancellationToken);

        var document = await fixture.Extractor.ExtractAsync(scan, "skan.tif", TestContext.Current.CancellationToken);

        Assert.Equal("image/tiff", document.MediaType);
        Assert.True(document.UsedOcr);
        Assert.Contains("Łodzi", document.Text, StringComparison.Ordinal);
        Assert.Contains("reklamację", document.Text, StringComparison.Ordinal);
        Assert.Contains("przesyłki", document.Text, StringComparison.Ordinal);
        Assert.Contains("pieniędzy", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_MultiPageG4Tiff_ReturnsEveryPageInOrder()
    {
        using var temp = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        var polish = await SyntheticScan.RenderAsync(PolishLetter, temp.Path, "pl", token);
        var hungarian = await SyntheticScan.RenderAsync(HungarianLetter, temp.Path, "hu", token);
        var phototest = TestCorpus.RequireFile("scans/tesseract/phototest.tif");
        var joined = SyntheticScan.JoinPages(temp.Combine("letter.tif"), polish, hungarian, phototest);

        var document = await fixture.Extractor.ExtractAsync(joined, "letter.tif", token);

        Assert.Equal(3, document.PageCount);
        Assert.Equal([1, 2, 3], document.Pages.Select(page => page.Number));
        Assert.Contains("reklamację", document.Pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("szállításról", document.Pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("tükörfúrógép", document.Pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("quick brown dog", document.Pages[2].Text, StringComparison.Ordinal);
        Assert.All(document.Pages, page => Assert.True(page.FromOcr));
        Assert.InRange(document.OcrConfidence!.Value, 0.7, 1.0);
        Assert.InRange(fixture.Pool.EnginesInitialized, 1, fixture.Pool.Capacity);
    }

    [Fact]
    public async Task Extract_PngScan_IsRecognised()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/linn.png");

        var document = await fixture.Extractor.ExtractAsync(path, "linn.png", TestContext.Current.CancellationToken);

        Assert.Equal("image/png", document.MediaType);
        Assert.Contains("LinnSequencer", document.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}
