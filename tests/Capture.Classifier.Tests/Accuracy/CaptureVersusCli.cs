using System.Globalization;
using Capture.Classifier.Tests.Extraction;
using Capture.Testing;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// Reads one file with Capture's extractor and with the <c>tesseract</c> program at the same time (one core each),
/// scores both against the same ground truth, and reports a line per page: <c>input, CER capture, CER cli</c>.
/// </summary>
internal static class CaptureVersusCli
{
    public static async Task<IReadOnlyList<PageComparison>> MeasureAsync(
        ExtractorFixture capture,
        string input,
        string path,
        string groundTruth,
        CancellationToken cancellationToken)
    {
        using var work = new TempDirectory();
        var languages = capture.Pool.Options.Languages;
        var cliPages = TesseractCommandLine.RecognizePagesAsync(path, languages, work.Path, cancellationToken);
        var document = capture.Extractor.ExtractAsync(path, Path.GetFileName(path), cancellationToken);
        await Task.WhenAll(cliPages, document);

        var pages = (await document).Pages;
        var cli = await cliPages;
        Assert.Equal(cli.Count, pages.Count);
        var comparisons = pages
            .Select((page, index) =>
            {
                // Only recognition is compared: a text layer would make Capture's side trivially perfect.
                Assert.True(page.FromOcr, $"{input} page {page.Number} came from a text layer, not from OCR.");
                var name = pages.Count == 1 ? input : string.Create(CultureInfo.InvariantCulture, $"{input} page {page.Number}");
                return new PageComparison(name, CharacterErrorRate.Of(groundTruth, page.Text), CharacterErrorRate.Of(groundTruth, cli[index]));
            })
            .ToList();
        foreach (var comparison in comparisons)
        {
            TestContext.Current.SendDiagnosticMessage(comparison.ToString());
            TestContext.Current.TestOutputHelper?.WriteLine(comparison.ToString());
        }

        return comparisons;
    }
}

/// <summary>Character error rates of Capture and of the <c>tesseract</c> program on one page.</summary>
internal sealed record PageComparison(string Input, double CaptureCer, double CliCer)
{
    /// <summary>Capture may be worse than the program by at most <paramref name="tolerance"/>.</summary>
    public void AssertNoWorseThanCli(double tolerance) => Assert.True(
        CaptureCer <= CliCer + tolerance,
        Describe($"Capture reads it worse than the tesseract program (tolerance {tolerance:0.000})"));

    /// <summary>Capture must be better than the program by at least <paramref name="gain"/>.</summary>
    public void AssertBeatsCliBy(double gain) => Assert.True(
        CliCer - CaptureCer >= gain,
        Describe($"Capture does not beat the tesseract program by {gain:0.00} or more"));

    /// <summary>Capture's character error rate must stay below <paramref name="ceiling"/>.</summary>
    public void AssertCaptureBelow(double ceiling) => Assert.True(
        CaptureCer < ceiling,
        Describe($"Capture's CER is not below {ceiling:0.000}"));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Input}, {CaptureCer:0.0000}, {CliCer:0.0000}");

    private string Describe(FormattableString problem) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Input}: {problem.ToString(CultureInfo.InvariantCulture)} (CER Capture {CaptureCer:0.0000}, CER tesseract CLI {CliCer:0.0000}).");
}
