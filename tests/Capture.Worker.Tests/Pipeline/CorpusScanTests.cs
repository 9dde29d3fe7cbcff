using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Capture.Testing;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>
/// Every real-world scan and PDF of the shared corpus (rotated, skewed, JBIG2, CCITT, poster-sized, 2400 dpi,
/// encrypted, invalid, blank…) is captured with text or quarantined with a reason by a real <c>capture import</c>
/// process; none crashes it, hangs it, or pushes its memory over the ceiling.
/// </summary>
public sealed class CorpusScanTests
{
    /// <summary>A hang would show as a gap between two reported items far above the slowest item (a few seconds).</summary>
    private static readonly TimeSpan LongestGapBetweenItems = TimeSpan.FromMinutes(2);

    /// <summary>Peak resident memory of the capture process: two OCR engines, the category model and the largest pages.</summary>
    private const long PeakMemoryCeilingMegabytes = 1500;

    [Fact]
    public async Task CaptureImport_EveryCorpusScan_IsCapturedWithTextOrQuarantinedWithAReason()
    {
        var corpus = Path.Combine(TestCorpus.RequireDirectory(), "scans");
        var scans = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories).Where(IsScanOrDocument).Order(StringComparer.Ordinal).ToList();
        using var temp = new TempDirectory();

        var run = await CaptureProcess.ImportAsync(temp.Combine("archive"), scans, TestContext.Current.CancellationToken);

        var report = run.Items.Select(item => $"{Path.GetRelativePath(corpus, item.Source)}: {item.Outcome} {item.Pages}p {item.Reason}").ToList();
        report.Add(string.Create(CultureInfo.InvariantCulture, $"capture import: exit {run.ExitCode}, {run.Elapsed.TotalSeconds:0} s, longest gap {run.LongestGap.TotalSeconds:0.0} s, peak memory {run.PeakMemoryMegabytes} MB"));
        TestContext.Current.SendDiagnosticMessage(string.Join(Environment.NewLine, report));

        Assert.True(run.ExitCode is 0 or 2, $"capture import failed (exit {run.ExitCode}): {run.Error}");
        Assert.Equal(scans.Order(StringComparer.Ordinal), run.Items.Select(i => i.Source).Order(StringComparer.Ordinal));
        Assert.All(run.Items, item => Assert.True(
            item.Outcome is "opened" or "duplicate" || (item.Outcome == "quarantined" && !string.IsNullOrWhiteSpace(item.Reason)),
            $"{item.Source}: {item.Outcome} without a reason"));
        Assert.Contains(run.Items, i => i.Source.EndsWith("invalid.pdf", StringComparison.Ordinal) && i.Outcome == "quarantined");
        Assert.Contains(run.Items, i => i.Source.EndsWith("blank.pdf", StringComparison.Ordinal) && i.Reason!.Contains("blank", StringComparison.Ordinal));
        Assert.True(run.LongestGap < LongestGapBetweenItems, $"an item took {run.LongestGap}");
        Assert.True(run.PeakMemoryMegabytes < PeakMemoryCeilingMegabytes, $"peak memory {run.PeakMemoryMegabytes} MB");
    }

    [Fact]
    public async Task CaptureImport_CapturedCorpusScans_HaveTheirTextInTheArchive()
    {
        var scans = new[] { "scans/ocrmypdf/linn.png", "scans/ocrmypdf/jbig2.pdf", "scans/tesseract/phototest-rotated-L.png" }
            .Select(TestCorpus.RequireFile).ToList();
        using var temp = new TempDirectory();

        var run = await CaptureProcess.ImportAsync(temp.Combine("archive"), scans, TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Items, item => Assert.Equal("opened", item.Outcome));
        Assert.All(run.Items, item => Assert.True(item.Ocr));
        var texts = Directory.GetFiles(temp.Combine("archive"), "*.txt", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Contains(texts, t => t.Contains("LinnSequencer", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("quick brown dog", StringComparison.Ordinal));
    }

    /// <summary>Ground truth and reference OCR files sit beside the scans; they are not scans themselves.</summary>
    private static bool IsScanOrDocument(string path) =>
        !path.EndsWith(".txt", StringComparison.Ordinal) &&
        !path.EndsWith(".uzn", StringComparison.Ordinal) &&
        !path.Contains($"{Path.DirectorySeparatorChar}reference_ocr{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
