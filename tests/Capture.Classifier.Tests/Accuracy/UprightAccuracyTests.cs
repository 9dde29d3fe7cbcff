using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// On straight, clean pages Capture runs the same engine and models as the <c>tesseract</c> program, so it must read
/// them at least as well, and below the error rate measured for each (<see cref="AccuracyBounds"/>).
/// </summary>
[Collection(AccuracyGroup.Name)]
public sealed class UprightAccuracyTests(ExtractorFixture capture, LetterScans letters)
{
    [Theory]
    [InlineData("scans/tesseract/phototest.tif", "scans/tesseract/phototest.gt.txt", AccuracyBounds.Phototest)]
    [InlineData("scans/tesseract/eurotext.tif", "scans/tesseract/eurotext.gt.txt", AccuracyBounds.Eurotext)]
    [InlineData("scans/ocrmypdf/linn.png", "scans/ocrmypdf/linn.gt.txt", AccuracyBounds.Linn)]
    [InlineData("scans/ocrmypdf/linn.pdf", "scans/ocrmypdf/linn.gt.txt", AccuracyBounds.Linn)]
    [InlineData("scans/ocrmypdf/ccitt.pdf", "scans/ocrmypdf/linn.gt.txt", AccuracyBounds.Linn)]
    [InlineData("scans/ocrmypdf/jbig2.pdf", "scans/ocrmypdf/linn.gt.txt", AccuracyBounds.Linn)]
    public async Task Capture_UprightCorpusScan_ReadsAtLeastAsWellAsTesseractCli(string scan, string groundTruth, double ceiling)
    {
        var token = TestContext.Current.CancellationToken;
        var path = TestCorpus.RequireFile(scan);
        var truth = await File.ReadAllTextAsync(TestCorpus.RequireFile(groundTruth), token);

        var page = Assert.Single(await CaptureVersusCli.MeasureAsync(capture, Path.GetFileName(scan), path, truth, token));

        Assert.Multiple(() => page.AssertNoWorseThanCli(AccuracyBounds.Tolerance), () => page.AssertCaptureBelow(ceiling));
    }

    [Theory]
    [InlineData("pl-reklamacja")]
    [InlineData("pl-podziekowanie")]
    [InlineData("hu-panasz")]
    [InlineData("hu-javaslat")]
    public async Task Capture_UprightLetter_ReadsAtLeastAsWellAsTesseractCli(string name)
    {
        var token = TestContext.Current.CancellationToken;
        var letter = CustomerLetter.Named(name);
        var scan = await letters.UprightAsync(letter, token);

        var page = Assert.Single(await CaptureVersusCli.MeasureAsync(capture, name, scan, letter.Text, token));

        Assert.Multiple(() => page.AssertNoWorseThanCli(AccuracyBounds.Tolerance), () => page.AssertCaptureBelow(AccuracyBounds.Letter));
    }
}
