using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Ocr;

public sealed class PageOrientationTests(ExtractorFixture fixture, ITestOutputHelper output) : IClassFixture<ExtractorFixture>
{
    [Theory]
    [InlineData("phototest.tif", 0)]
    [InlineData("phototest-rotated-180.png", 180)]
    [InlineData("phototest-rotated-L.png", 90)]
    [InlineData("phototest-rotated-R.png", 270)]
    public async Task Extract_TurnedPhototest_IsTurnedUprightAndRecognised(string file, int expectedRotation)
    {
        var path = TestCorpus.RequireFile("scans/tesseract/" + file);
        var groundTruth = await File.ReadAllTextAsync(TestCorpus.RequireFile("scans/tesseract/phototest.gt.txt"), TestContext.Current.CancellationToken);

        var document = await fixture.Extractor.ExtractAsync(path, file, TestContext.Current.CancellationToken);

        var page = Assert.Single(document.Pages);
        output.WriteLine($"{file}: rotation {page.Rotation}, skew {page.Skew}, confidence {page.Confidence}");
        Assert.Equal(expectedRotation, page.Rotation);
        Assert.Contains("quick brown dog", page.Text, StringComparison.Ordinal);
        Assert.Contains("lazy fox", page.Text, StringComparison.Ordinal);
        Assert.InRange(WordRecall.Of(groundTruth, page.Text), 0.95, 1.0);
        Assert.True(page.Confidence > 0.85, $"confidence {page.Confidence}");
    }

    [Fact]
    public async Task Extract_CardinalPdf_TurnsEachQuarterTurnedPageUpright()
    {
        var path = TestCorpus.RequireFile("scans/ocrmypdf/cardinal.pdf");
        var groundTruth = await File.ReadAllTextAsync(TestCorpus.RequireFile("scans/ocrmypdf/linn.gt.txt"), TestContext.Current.CancellationToken);

        var document = await fixture.Extractor.ExtractAsync(path, "cardinal.pdf", TestContext.Current.CancellationToken);

        Assert.Equal(4, document.PageCount);
        foreach (var page in document.Pages)
        {
            output.WriteLine($"cardinal page {page.Number}: rotation {page.Rotation}, skew {page.Skew}, confidence {page.Confidence}, " +
                $"recall {WordRecall.Of(groundTruth, page.Text):0.000}");
        }

        // The pages hold linn.png turned 0°, 90°, 180° and 270°: clockwise quarter turns 0, 3, 2 and 1 bring them back.
        Assert.Equal([0, 270, 180, 90], document.Pages.Select(page => page.Rotation));
        Assert.All(document.Pages, page =>
        {
            Assert.True(page.FromOcr);
            Assert.Contains("LinnSequencer", page.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.InRange(WordRecall.Of(groundTruth, page.Text), 0.95, 1.0);
        });
    }

    [Fact]
    public async Task Extract_PageTooSmallForOrientationDetection_IsRecognisedAsItIs()
    {
        // HelloGoogle.tif is one short word line: Tesseract's OSD cannot decide on it.
        var path = TestCorpus.RequireFile("scans/tesseract/HelloGoogle.tif");

        var document = await fixture.Extractor.ExtractAsync(path, "HelloGoogle.tif", TestContext.Current.CancellationToken);

        var page = Assert.Single(document.Pages);
        Assert.Equal(0, page.Rotation);
        Assert.Contains("Hello", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Extract_ShortLetterTurnedUpsideDown_IsTurnedUpright()
    {
        using var temp = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        const string Letter = "Szanowni Państwo,\nuprzejmie proszę o wymianę towaru.\nZ poważaniem\n";
        var scan = await SyntheticScan.RenderAsync(Letter, temp.Path, "short", token);
        var upsideDown = SyntheticScan.Rotate(scan, 180, temp.Combine("upside-down.png"));

        var document = await fixture.Extractor.ExtractAsync(upsideDown, "upside-down.png", token);

        var page = Assert.Single(document.Pages);
        Assert.Equal(180, page.Rotation);
        Assert.Contains("uprzejmie proszę o wymianę towaru", page.Text, StringComparison.Ordinal);
    }
}
