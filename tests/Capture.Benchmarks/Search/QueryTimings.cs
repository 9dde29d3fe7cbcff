using System.Diagnostics;
using Archive.Search;

namespace Capture.Benchmarks.Search;

/// <summary>How one query of the mix went.</summary>
/// <param name="Query">The query.</param>
/// <param name="Milliseconds">Its latency: <see cref="ArchiveIndex.Search"/> from call to return, snippets included.</param>
/// <param name="TotalCases">The cases it matched.</param>
/// <param name="Error">Why the index refused it, when it did.</param>
/// <param name="CpuMilliseconds">The CPU time the whole process spent meanwhile (all threads): unlike the latency, it
/// hardly moves when other processes compete for the cores, so it compares variants measured under different loads.</param>
internal sealed record QueryTiming(BenchmarkQuery Query, double Milliseconds, int TotalCases, string? Error, double CpuMilliseconds = 0);

/// <summary>Latency percentiles and hits of a group of queries (a kind, or all).</summary>
internal sealed record LatencySummary(
    string Kind,
    int Queries,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double MeanHits,
    int ZeroHitQueries,
    int Errors)
{
    /// <summary>No query of the group found anything: a mistake in the mix or in the index.</summary>
    public bool FoundNothing => ZeroHitQueries + Errors == Queries;

    /// <summary>The group found nothing, or the index refused one of its queries.</summary>
    public bool Failed => FoundNothing || Errors > 0;

    public static LatencySummary Of(string kind, IReadOnlyCollection<QueryTiming> timings)
    {
        var sorted = timings.Select(timing => timing.Milliseconds).Order().ToArray();
        return new LatencySummary(
            kind,
            timings.Count,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? 0 : sorted[^1],
            timings.Count == 0 ? 0 : timings.Average(timing => timing.TotalCases),
            timings.Count(timing => timing.TotalCases == 0 && timing.Error is null),
            timings.Count(timing => timing.Error is not null));
    }

    /// <summary>Nearest-rank percentile: the smallest value at least a fraction <paramref name="p"/> of the values do not exceed.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Runs the query mix against the index on one thread, one query after another, as a clerk's searches come.</summary>
internal static class QueryRunner
{
    public const int PageSize = 20;

    public static IReadOnlyList<QueryTiming> Run(ArchiveIndex index, IReadOnlyList<BenchmarkQuery> queries, CancellationToken cancellationToken)
    {
        var timings = new List<QueryTiming>(queries.Count);
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = new SearchRequest(query.Query, Limit: PageSize, Offset: 0, Sort: query.Sort);
            var cpu = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            int totalCases;
            string? error = null;
            try
            {
                totalCases = index.Search(request).TotalCases;
            }
            catch (InvalidSearchQueryException exception)
            {
                totalCases = 0;
                error = exception.Message;
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            timings.Add(new QueryTiming(query, elapsed.TotalMilliseconds, totalCases, error, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds));
        }

        return timings;
    }
}
