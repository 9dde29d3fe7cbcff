using System.Diagnostics;
using System.Globalization;
using System.Text;
using Capture.Classifier.Metadata;

namespace Capture.Classifier.Tests.Metadata;

/// <summary>
/// Extraction runs on every item, so a long letter must stay within a few milliseconds. Timed alone (no other test class runs
/// beside it) and only in Release builds, as <c>./test.sh</c> runs them: the regular expressions' generated code is not
/// optimised in Debug.
/// </summary>
[Collection(nameof(MetadataExtractorSpeedTests))]
[CollectionDefinition(nameof(MetadataExtractorSpeedTests), DisableParallelization = true)]
public sealed class MetadataExtractorSpeedTests(ITestOutputHelper output)
{
    private const int TextLength = 10 * 1024;

    [Fact]
    public async Task Extract_TenKilobyteLetter_TakesUnderFourMilliseconds()
    {
#if DEBUG
        Assert.Skip("Extraction speed is measured on Release builds (./test.sh runs them); Debug code is not optimised.");
#endif
        var items = await MetadataTestItems.LoadAsync(TestContext.Current.CancellationToken);
        var text = TenKilobytesOf(items);
        var extractor = new MetadataExtractor(MetadataTestItems.CompanySettings());
        // Warm-up lets the runtime replace its first quick compilation with optimised code; on a busy machine its
        // background compiler needs seconds for that (fully optimised, the text takes about 1 ms here).
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            extractor.Extract(text, null, null, "pl");
        }

        // The fastest run is the extraction's own cost; the median shows what other work on the machine adds.
        var timings = new double[300];
        for (var i = 0; i < timings.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            extractor.Extract(text, null, null, "pl");
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(timings);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{text.Length} characters: fastest {timings[0]:0.000} ms, median {timings[timings.Length / 2]:0.000} ms per extraction"));
        Assert.True(timings[0] < 4, $"Extracting metadata from {text.Length} characters took {timings[0]:0.000} ms at best; it must stay under 4 ms.");
    }

    [Fact]
    public void Extract_PathologicalInput_FinishesQuickly()
    {
        string[] hostile =
        [
            new string('a', TextLength) + "@",
            string.Concat(Enumerable.Repeat("1 ", TextLength / 2)) + "zł",
            string.Concat(Enumerable.Repeat("Zamówienie nr ", TextLength / 14)),
            string.Concat(Enumerable.Repeat("From: x\n", TextLength / 8)),
            string.Concat(Enumerable.Repeat("a.", TextLength / 2)) + "@b",
            string.Concat(Enumerable.Repeat("12-", TextLength / 3)),
        ];
        var extractor = new MetadataExtractor();

        foreach (var text in hostile)
        {
            var started = Stopwatch.GetTimestamp();
            extractor.Extract(text, null, null, "pl");
            var elapsed = Stopwatch.GetElapsedTime(started);
            Assert.True(elapsed < TimeSpan.FromMilliseconds(200), $"A hostile text starting '{text[..20]}' took {elapsed.TotalMilliseconds:0} ms.");
        }
    }

    // A long letter: mails and scans of every language one after the other, as a long thread or a bundle of pages reads.
    private static string TenKilobytesOf(IReadOnlyList<MetadataTestItem> items)
    {
        var text = new StringBuilder(TextLength + 2048);
        for (var i = 0; text.Length < TextLength; i++)
        {
            text.Append(items[i * 7 % items.Count].Text).Append("\n\n");
        }

        return text.ToString(0, TextLength);
    }
}
