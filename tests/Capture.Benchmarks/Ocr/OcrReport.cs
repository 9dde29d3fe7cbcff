using System.Globalization;

namespace Capture.Benchmarks.Ocr;

/// <summary>One row of the table.</summary>
internal sealed record ReportRow(
    string Variant,
    string Description,
    int Pages,
    double WallSeconds,
    double PagesPerMinute,
    double SpeedupVsA,
    double PeakMemoryMb,
    string PeakMemoryBasis,
    double CpuSeconds,
    int MarkersFound,
    IReadOnlyList<string> MissedMarkers,
    double WordRecall,
    int PagesIdenticalToA);

/// <summary>One goal and whether it was met.</summary>
internal sealed record GoalCheck(string Goal, bool Passed, string Detail);

/// <summary>The result of an <c>ocr</c> benchmark run, as a table and as JSON.</summary>
internal sealed record OcrReport(
    string Benchmark,
    DateTimeOffset When,
    string Machine,
    int ProcessorCount,
    string LoadAverageBefore,
    string LoadAverageAfter,
    string Tesseract,
    string Languages,
    IReadOnlyList<string> PageSources,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<GoalCheck> Goals)
{
    public const double SpeedupGoal = 1.8;
    public const double PeakMemoryGoalMb = 600;

    public bool AllPassed => Goals.All(goal => goal.Passed);

    public static OcrReport Create(string tesseract, IReadOnlyList<BenchPage> pages, IReadOnlyList<VariantResult> results, string loadBefore, string loadAfter)
    {
        var a = results.Single(result => result.Key == "a");
        var b = results.Single(result => result.Key == "b");
        var c = results.Single(result => result.Key == "c");
        var rows = results.Select(result =>
        {
            var quality = TextCheck.Assess(pages, result.Texts, a.Texts);
            return new ReportRow(
                result.Key,
                result.Name,
                pages.Count,
                Math.Round(result.Wall.TotalSeconds, 2),
                Math.Round(pages.Count / result.Wall.TotalMinutes, 1),
                Math.Round(a.Wall / result.Wall, 2),
                Math.Round(result.PeakMemoryMb, 1),
                result.PeakMemoryBasis,
                Math.Round(result.CpuSeconds, 1),
                quality.MarkersFound,
                quality.MissedMarkers,
                Math.Round(quality.WordRecall, 4),
                quality.PagesIdenticalToA);
        }).ToList();

        var rowA = rows.Single(row => row.Variant == "a");
        var rowC = rows.Single(row => row.Variant == "c");
        var capturePeak = rows.Where(row => row.Variant.StartsWith('c')).Max(row => row.PeakMemoryMb);
        var speedup = a.Wall / c.Wall;
        var comparable = rows.All(row => row.MarkersFound == pages.Count && row.WordRecall >= rowA.WordRecall - TextCheck.RecallTolerance);
        var goals = new List<GoalCheck>
        {
            new(
                string.Create(CultureInfo.InvariantCulture, $"Capture ≥ {SpeedupGoal}× (a)"),
                speedup >= SpeedupGoal,
                string.Create(CultureInfo.InvariantCulture, $"{speedup:0.00}× ({a.Wall.TotalSeconds:0.0} s / {c.Wall.TotalSeconds:0.0} s, incl. pool warm-up)")),
            new(
                "Capture faster than (b)",
                c.Wall < b.Wall,
                string.Create(CultureInfo.InvariantCulture, $"{c.Wall.TotalSeconds:0.0} s vs {b.Wall.TotalSeconds:0.0} s ({b.Wall / c.Wall:0.00}×)")),
            new(
                string.Create(CultureInfo.InvariantCulture, $"peak memory < {PeakMemoryGoalMb:0} MB"),
                capturePeak < PeakMemoryGoalMb,
                string.Create(CultureInfo.InvariantCulture, $"Capture process peak {capturePeak:0} MB")),
            new(
                "text comparable (every variant read every page's marker, word recall within 2 points of (a))",
                comparable,
                string.Join("; ", rows.Select(row => string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.Variant}: {row.MarkersFound}/{row.Pages} markers, recall {row.WordRecall:P1}, {row.PagesIdenticalToA}/{row.Pages} pages identical to (a)")))),
        };

        return new OcrReport(
            "ocr",
            DateTimeOffset.Now,
            Environment.MachineName,
            Environment.ProcessorCount,
            loadBefore,
            loadAfter,
            tesseract,
            OcrBenchmarkSettings.Languages,
            [.. pages.Select(page => $"{page.FileName} ({page.Source}, marker {page.Marker})")],
            rows,
            goals);
    }

    public void Write(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OCR benchmark, {Tesseract}, {Languages}, {ProcessorCount} cores, load average before {LoadAverageBefore}, after {LoadAverageAfter}"));
        output.WriteLine();
        const string Format = "{0,-70} {1,5} {2,9} {3,9} {4,8} {5,9} {6,7}";
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, "variant", "pages", "wall s", "pages/min", "vs (a)", "peak MB", "CPU s"));
        output.WriteLine(new string('-', 123));
        foreach (var row in Rows)
        {
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                Format,
                row.Description,
                row.Pages,
                row.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                row.PagesPerMinute.ToString("0.0", CultureInfo.InvariantCulture),
                row.SpeedupVsA.ToString("0.00", CultureInfo.InvariantCulture) + "×",
                row.PeakMemoryMb.ToString("0", CultureInfo.InvariantCulture),
                row.CpuSeconds.ToString("0.0", CultureInfo.InvariantCulture)));
        }

        output.WriteLine();
        output.WriteLine("peak MB: (a) largest single tesseract process; (b) sum of the per-worker largest processes (upper bound of the");
        output.WriteLine("concurrent total); (c) the Capture process's own peak resident set (VmHWM) during that pass.");
        output.WriteLine();
        foreach (var goal in Goals)
        {
            output.WriteLine($"{(goal.Passed ? "PASS" : "FAIL")}  {goal.Goal}: {goal.Detail}");
        }

        foreach (var row in Rows.Where(row => row.MissedMarkers.Count > 0))
        {
            output.WriteLine($"      {row.Variant} missed markers: {string.Join(", ", row.MissedMarkers)}");
        }
    }

    public Task WriteJsonAsync(string path, CancellationToken cancellationToken) => BenchmarkJson.WriteAsync(this, path, cancellationToken);
}
