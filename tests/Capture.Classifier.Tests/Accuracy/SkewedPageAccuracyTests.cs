using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// Pages put in the scanner a few degrees crooked must read as well as straight ones, and never worse than the
/// <c>tesseract</c> program reads them. The program copes with some (its line finder follows slanted lines) and
/// fails on others: two columns skewed by 2–3° (skew.pdf, rotated_skew.pdf) it reads with a CER near 0.4, and the
/// Polish thank-you letter skewed 3° clockwise with 0.64 (its layout analysis cuts the page into the wrong blocks).
/// </summary>
[Collection(AccuracyGroup.Name)]
public sealed class SkewedPageAccuracyTests(ExtractorFixture capture, LetterScans letters)
{
    [Theory]
    [InlineData("scans/ocrmypdf/skew.pdf")]
    [InlineData("scans/ocrmypdf/rotated_skew.pdf")]
    public async Task Capture_SkewedPdf_ReadsItAsIfStraight(string scan)
    {
        var token = TestContext.Current.CancellationToken;
        var truth = await File.ReadAllTextAsync(TestCorpus.RequireFile("scans/ocrmypdf/linn.gt.txt"), token);

        var page = Assert.Single(await CaptureVersusCli.MeasureAsync(capture, Path.GetFileName(scan), TestCorpus.RequireFile(scan), truth, token));

        Assert.Multiple(() => page.AssertNoWorseThanCli(AccuracyBounds.Tolerance), () => page.AssertCaptureBelow(AccuracyBounds.Linn));
    }

    /// <param name="name">The letter.</param>
    /// <param name="degrees">Skewed counter-clockwise by this much.</param>
    [Theory]
    [InlineData("pl-podziekowanie", 3)]
    [InlineData("pl-podziekowanie", -3)]
    [InlineData("hu-panasz", 3)]
    [InlineData("hu-panasz", -3)]
    public async Task Capture_SkewedLetter_ReadsItAsIfStraight(string name, int degrees)
    {
        var token = TestContext.Current.CancellationToken;
        var letter = CustomerLetter.Named(name);
        var scan = await letters.SkewedAsync(letter, degrees, token);

        var page = Assert.Single(await CaptureVersusCli.MeasureAsync(capture, Path.GetFileName(scan), scan, letter.Text, token));

        Assert.Multiple(() => page.AssertNoWorseThanCli(AccuracyBounds.SkewTolerance), () => page.AssertCaptureBelow(AccuracyBounds.Letter));
    }
}
