using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// Pages scanned the wrong way round must read as if they were straight. The <c>tesseract</c> program (page
/// segmentation mode 3, no orientation detection) reads none of them, except a page turned a quarter clockwise:
/// its layout analysis takes those lines for vertical text and turns them itself. Where the program fails, Capture
/// must be clearly better; where it reads the page, Capture must be no worse.
/// </summary>
[Collection(AccuracyGroup.Name)]
public sealed class TurnedPageAccuracyTests(ExtractorFixture capture, LetterScans letters)
{
    [Theory]
    [InlineData("scans/tesseract/phototest-rotated-180.png", false)]
    [InlineData("scans/tesseract/phototest-rotated-L.png", false)]
    [InlineData("scans/tesseract/phototest-rotated-R.png", true)]
    public async Task Capture_TurnedPhototest_ReadsItAsIfUpright(string scan, bool cliReadsIt)
    {
        var token = TestContext.Current.CancellationToken;
        var truth = await File.ReadAllTextAsync(TestCorpus.RequireFile("scans/tesseract/phototest.gt.txt"), token);

        var page = Assert.Single(await CaptureVersusCli.MeasureAsync(capture, Path.GetFileName(scan), TestCorpus.RequireFile(scan), truth, token));

        AssertReadAsIfUpright(page, cliReadsIt, AccuracyBounds.Phototest);
    }

    [Fact]
    public async Task Capture_CardinalPdf_ReadsPagesTurnedEveryWay()
    {
        var token = TestContext.Current.CancellationToken;
        var truth = await File.ReadAllTextAsync(TestCorpus.RequireFile("scans/ocrmypdf/linn.gt.txt"), token);

        var pages = await CaptureVersusCli.MeasureAsync(capture, "cardinal.pdf", TestCorpus.RequireFile("scans/ocrmypdf/cardinal.pdf"), truth, token);

        // Page 1 is upright, page 2 turned a quarter clockwise (the program reads it), pages 3 and 4 the other ways.
        Assert.Equal(4, pages.Count);
        Assert.Multiple(
            () => AssertReadAsIfUpright(pages[0], cliReadsIt: true, AccuracyBounds.Linn),
            () => AssertReadAsIfUpright(pages[1], cliReadsIt: true, AccuracyBounds.Linn),
            () => AssertReadAsIfUpright(pages[2], cliReadsIt: false, AccuracyBounds.Linn),
            () => AssertReadAsIfUpright(pages[3], cliReadsIt: false, AccuracyBounds.Linn));
    }

    /// <param name="name">The letter.</param>
    /// <param name="degrees">Turned counter-clockwise by this much; 270 is a quarter clockwise, which the program reads.</param>
    [Theory]
    [InlineData("pl-reklamacja", 90)]
    [InlineData("pl-reklamacja", 180)]
    [InlineData("pl-reklamacja", 270)]
    [InlineData("hu-javaslat", 90)]
    [InlineData("hu-javaslat", 180)]
    [InlineData("hu-javaslat", 270)]
    public async Task Capture_TurnedLetter_ReadsItAsIfUpright(string name, int degrees)
    {
        var token = TestContext.Current.CancellationToken;
        var letter = CustomerLetter.Named(name);
        var scan = await letters.TurnedAsync(letter, degrees, token);

        var page = Assert.Single(await CaptureVersusCli.MeasureAsync(capture, Path.GetFileName(scan), scan, letter.Text, token));

        AssertReadAsIfUpright(page, cliReadsIt: degrees == 270, AccuracyBounds.Letter);
    }

    private static void AssertReadAsIfUpright(PageComparison page, bool cliReadsIt, double ceiling) => Assert.Multiple(
        () => page.AssertCaptureBelow(ceiling),
        () => page.AssertNoWorseThanCli(AccuracyBounds.Tolerance),
        () =>
        {
            if (!cliReadsIt)
            {
                page.AssertBeatsCliBy(AccuracyBounds.GainOnTurnedPage);
            }
        });
}
