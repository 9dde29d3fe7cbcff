using System.Diagnostics;
using Capture.Testing;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>
/// Every real-world scan and PDF of the shared corpus (rotated, skewed, JBIG2, CCITT, poster-sized, 2400 dpi,
/// encrypted, invalid, blank…) is captured with text or quarantined with a reason; none crashes or hangs.
/// </summary>
public sealed class CorpusScanTests
{
    /// <summary>Generous: the slowest corpus item takes a few seconds; a hang would take the page deadline or forever.</summary>
    private static readonly TimeSpan PerItemCeiling = TimeSpan.FromMinutes(1);

    /// <summary>The whole test process, with the engines, models and other tests running beside this one.</summary>
    private const long PeakMemoryCeilingBytes = 2L * 1024 * 1024 * 1024;

    [Fact]
    public async Task Import_EveryCorpusScan_IsCapturedWithTextOrQuarantinedWithAReason()
    {
        var corpus = Path.Combine(TestCorpus.RequireDirectory(), "scans");
        var scans = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(IsScanOrDocument)
            .Order(StringComparer.Ordinal)
            .ToList();
        using var archive = new TestArchive(configuration: new Dictionary<string, string?> { ["Ocr:PageTimeout"] = "00:00:30" });

        var report = new List<string>();
        foreach (var scan in scans)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await archive.ImportAsync(scan);
            stopwatch.Stop();
            var name = Path.GetRelativePath(corpus, scan);
            report.Add($"{name}: {result.Outcome} {result.Pages}p ocr={result.OcrConfidence:0.00} {stopwatch.Elapsed.TotalSeconds:0.0}s {result.Reason}");

            Assert.True(stopwatch.Elapsed < PerItemCeiling, $"{name} took {stopwatch.Elapsed}");
            if (result.Outcome == CaptureOutcome.Quarantined)
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Reason), $"{name} was quarantined without a reason");
            }
            else if (result.Outcome == CaptureOutcome.Opened)
            {
                var record = archive.Store.FindCase(result.RegistrationNumber!)!;
                var text = await File.ReadAllTextAsync(archive.Store.ResolvePath(archive.Store.GetDocuments(record.Id)[0].TextPath), TestContext.Current.CancellationToken);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{name} was captured without any text");
            }
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        report.Add($"peak working set of the test process: {peak / (1024 * 1024)} MB");
        TestContext.Current.SendDiagnosticMessage(string.Join(Environment.NewLine, report));
        Assert.True(scans.Count >= 40, $"expected the whole scan corpus, found {scans.Count} files");
        Assert.Contains(report, line => line.Contains("invalid.pdf: Quarantined", StringComparison.Ordinal));
        Assert.Contains(report, line => line.Contains("blank.pdf: Quarantined", StringComparison.Ordinal) && line.Contains("blank", StringComparison.Ordinal));
        Assert.True(peak < PeakMemoryCeilingBytes, $"peak working set {peak / (1024 * 1024)} MB");
    }

    /// <summary>Ground truth and reference OCR files sit beside the scans; they are not scans themselves.</summary>
    private static bool IsScanOrDocument(string path) =>
        !path.EndsWith(".txt", StringComparison.Ordinal) &&
        !path.EndsWith(".uzn", StringComparison.Ordinal) &&
        !path.Contains($"{Path.DirectorySeparatorChar}reference_ocr{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
