using System.Globalization;
using Capture.Benchmarks.Ocr;

namespace Capture.Benchmarks.Search;

/// <summary>What the generated archive held.</summary>
internal sealed record ArchiveFigures(
    long Documents,
    long Cases,
    long FollowUps,
    double MeanWords,
    int MinWords,
    int MaxWords,
    double MeanCharacters,
    IReadOnlyDictionary<string, long> LengthBuckets,
    long WithoutDiacritics,
    IReadOnlyDictionary<string, long> DocumentsByLanguage,
    IReadOnlyDictionary<string, long> CasesByCategory,
    IReadOnlyDictionary<string, long> CasesByStatus)
{
    private static readonly string[] BucketNames = ["50-99", "100-199", "200-299", "300-499", "500-800"];

    public static ArchiveFigures From(ArchiveSample sample) => new(
        sample.Documents,
        sample.CaseCount,
        sample.FollowUps,
        sample.MeanWords,
        sample.MinWords,
        sample.MaxWords,
        sample.Documents == 0 ? 0 : sample.Characters / (double)sample.Documents,
        BucketNames.Zip(sample.LengthBuckets).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal),
        sample.WithoutDiacritics,
        Sorted(sample.DocumentsByLanguage),
        Sorted(sample.CasesByCategory),
        Sorted(sample.CasesByStatus));

    private static SortedDictionary<string, long> Sorted(IReadOnlyDictionary<string, long> counts) => new(counts.ToDictionary(), StringComparer.Ordinal);
}

/// <summary>What the rebuild cost.</summary>
internal sealed record IndexingFigures(
    long Documents,
    double WallSeconds,
    double DocumentsPerSecond,
    double CpuSeconds,
    double CpuMsPerDocument,
    double GeneratorCpuMsPerDocument,
    long IndexBytes,
    long RebuildReportedBytes,
    double PeakMemoryMb,
    string PeakMemoryBasis,
    double LargestWorkingSetMb);

/// <summary>Capture's indexing cost against plain Lucene's on the first documents of the same archive.</summary>
internal sealed record BaselineFigures(long Documents, double WallSeconds, double CpuMsPerDocument, double CaptureRatio, double CaptureRatioNetOfGenerator);

/// <summary>The result of a <c>search</c> benchmark run, as text and as JSON.</summary>
internal sealed record SearchReport(
    string Benchmark,
    DateTimeOffset When,
    string Machine,
    int ProcessorCount,
    string LoadAverageBefore,
    string LoadAverageAfter,
    ArchiveFigures Archive,
    IndexingFigures Indexing,
    LatencySummary Queries,
    IReadOnlyList<LatencySummary> QueryKinds,
    IReadOnlyList<string> RefusedQueries,
    IReadOnlyList<string> ZeroHitQueries,
    BaselineFigures Baseline,
    IReadOnlyList<GoalCheck> Goals)
{
    public static readonly TimeSpan TimeGoalPerMillion = TimeSpan.FromMinutes(15);
    public const double PeakMemoryGoalMb = 1536;
    public const double P50GoalMs = 5;
    public const double P99GoalMs = 50;
    private const int MaxRefusedShown = 20;

    public bool AllPassed => Goals.All(goal => goal.Passed);

    /// <summary>The goals of the issue, the time goal scaled to the number of documents.</summary>
    public static IReadOnlyList<GoalCheck> CheckGoals(IndexingFigures indexing, LatencySummary queries, IReadOnlyList<LatencySummary> kinds)
    {
        var timeLimit = TimeGoalPerMillion * (indexing.Documents / 1_000_000.0);
        var failedKinds = kinds.Where(kind => kind.Failed).Select(kind => kind.Kind).ToList();
        return
        [
            new(
                string.Create(CultureInfo.InvariantCulture, $"full index within 15 min per million documents ({timeLimit.TotalSeconds:N0} s for {indexing.Documents:N0})"),
                indexing.WallSeconds <= timeLimit.TotalSeconds,
                string.Create(CultureInfo.InvariantCulture, $"{indexing.WallSeconds:N1} s")),
            new(
                string.Create(CultureInfo.InvariantCulture, $"peak memory while indexing under 1.5 GB ({PeakMemoryGoalMb:N0} MB)"),
                indexing.PeakMemoryMb < PeakMemoryGoalMb,
                string.Create(CultureInfo.InvariantCulture, $"{indexing.PeakMemoryMb:N0} MB ({indexing.PeakMemoryBasis})")),
            new($"p50 under {P50GoalMs} ms", queries.P50Ms < P50GoalMs, string.Create(CultureInfo.InvariantCulture, $"{queries.P50Ms:0.00} ms")),
            new($"p99 under {P99GoalMs} ms", queries.P99Ms < P99GoalMs, string.Create(CultureInfo.InvariantCulture, $"{queries.P99Ms:0.00} ms")),
            new(
                "every kind of query finds cases and no query is refused",
                failedKinds.Count == 0 && queries.Errors == 0,
                failedKinds.Count == 0 && queries.Errors == 0
                    ? "all kinds found cases"
                    : $"failed kinds: {string.Join(", ", failedKinds)}; refused queries: {queries.Errors}"),
        ];
    }

    public void Write(TextWriter output)
    {
        var a = Archive;
        var i = Indexing;
        output.WriteLine();
        output.WriteLine(Invariant($"Search benchmark: {a.Documents:N0} documents, {ProcessorCount} cores, load average before {LoadAverageBefore}, after {LoadAverageAfter}"));
        output.WriteLine(Invariant($"Archive   {a.Documents:N0} documents in {a.Cases:N0} cases ({a.FollowUps:N0} follow-ups); {Shares(a.DocumentsByLanguage, a.Documents)} of documents"));
        output.WriteLine(Invariant($"          cases: {Shares(a.CasesByCategory, a.Cases)}; {Shares(a.CasesByStatus, a.Cases)}"));
        output.WriteLine(Invariant($"          words per document: mean {a.MeanWords:0.0}, min {a.MinWords}, max {a.MaxWords} ({Shares(a.LengthBuckets, a.Documents)}); {a.MeanCharacters:N0} characters; {(double)a.WithoutDiacritics / a.Documents:P1} typed without diacritics"));
        output.WriteLine("Indexing  ArchiveIndex.RebuildAsync, as `capture reindex` runs it");
        output.WriteLine(Invariant($"          wall time           {i.WallSeconds:N1} s = {i.DocumentsPerSecond:N0} documents/s"));
        output.WriteLine(Invariant($"          CPU time            {i.CpuSeconds:N1} s = {i.CpuMsPerDocument:0.000} ms per document (of which generating it: {i.GeneratorCpuMsPerDocument:0.000} ms)"));
        output.WriteLine(Invariant($"          index size on disk  {i.IndexBytes / 1_048_576.0:N1} MB = {(double)i.IndexBytes / i.Documents:N0} bytes per document (the rebuild reported {i.RebuildReportedBytes / 1_048_576.0:N1} MB)"));
        output.WriteLine(Invariant($"          peak memory         {i.PeakMemoryMb:N0} MB ({i.PeakMemoryBasis}); largest working set sampled every 200 ms: {i.LargestWorkingSetMb:N0} MB"));
        var b = Baseline;
        output.WriteLine(Invariant($"Baseline  plain Lucene (StandardAnalyzer, one stored TextField + StringField id, one IndexWriter) on the first {b.Documents:N0} documents:"));
        output.WriteLine(Invariant($"          {b.WallSeconds:N1} s, {b.CpuMsPerDocument:0.000} ms CPU per document; Capture costs {b.CaptureRatio:0.0}× as much CPU per document ({b.CaptureRatioNetOfGenerator:0.0}× without the generator's share)"));
        WriteQueries(output, Queries, QueryKinds);
        foreach (var kind in QueryKinds.Where(kind => kind.FoundNothing))
        {
            output.WriteLine($"WARNING   no \"{kind.Kind}\" query found a case: a mistake in the query mix or in the index");
        }

        foreach (var refused in RefusedQueries.Take(MaxRefusedShown))
        {
            output.WriteLine("REFUSED   " + refused);
        }

        if (RefusedQueries.Count > MaxRefusedShown)
        {
            output.WriteLine(Invariant($"REFUSED   … and {RefusedQueries.Count - MaxRefusedShown} more (all are in the JSON output)"));
        }

        if (ZeroHitQueries.Count > 0)
        {
            output.WriteLine(Invariant($"          {ZeroHitQueries.Count} queries found nothing (listed in the JSON output), e.g. {string.Join(" | ", ZeroHitQueries.Take(5))}"));
        }

        output.WriteLine();
        foreach (var goal in Goals)
        {
            output.WriteLine($"{(goal.Passed ? "PASS" : "FAIL")}  {goal.Goal}: {goal.Detail}");
        }
    }

    /// <summary>The latency table: each kind of query, then all of them.</summary>
    public static void WriteQueries(TextWriter output, LatencySummary queries, IReadOnlyList<LatencySummary> kinds)
    {
        output.WriteLine(Invariant($"Queries   the mix of {queries.Queries:N0}, after one untimed pass; one thread; limit {QueryRunner.PageSize}, snippets included"));
        const string Format = "          {0,-16} {1,5} {2,8} {3,8} {4,8} {5,8} {6,11} {7,9}";
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, "kind", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean hits", "zero-hit"));
        foreach (var row in kinds.Append(queries))
        {
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture, Format, row.Kind, row.Queries, Ms(row.P50Ms), Ms(row.P95Ms), Ms(row.P99Ms), Ms(row.MaxMs), row.MeanHits.ToString("N1", CultureInfo.InvariantCulture), row.ZeroHitQueries));
        }

    }

    public Task WriteJsonAsync(string path, CancellationToken cancellationToken) => BenchmarkJson.WriteAsync(this, path, cancellationToken);

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Shares(IReadOnlyDictionary<string, long> counts, long total) =>
        string.Join(" · ", counts.Select(pair => Invariant($"{pair.Key} {(double)pair.Value / total:P1}")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
