using System.Globalization;
using Archive.Search;
using Capture.Benchmarks.Ocr;

namespace Capture.Benchmarks.Search;

/// <summary>The settings of one <c>search</c> benchmark run.</summary>
/// <param name="Documents">How many documents the generated archive has.</param>
/// <param name="OutputFile">Where to write the results as JSON, if anywhere.</param>
/// <param name="KeepIndex">Keep the index folder (its path is printed) instead of deleting it.</param>
/// <param name="IndexDirectory">
/// Where to build the index and keep it; when it already holds this benchmark's index of <paramref name="Documents"/>
/// documents, indexing and the baseline are skipped and only the queries are timed (a change to searching can then be
/// measured in minutes rather than rebuilding a million documents each time).
/// </param>
internal sealed record SearchBenchmarkSettings(int Documents, string? OutputFile, bool KeepIndex, string? IndexDirectory = null)
{
    /// <summary>The file in a kept index folder that says how many documents of the archive it holds.</summary>
    public const string MarkerFile = "benchmark-documents.txt";

    public const int DefaultDocuments = 1_000_000;
    public const int MinDocuments = 1_000;
}

/// <summary>
/// <c>search</c>: indexes a generated archive with <see cref="ArchiveIndex.RebuildAsync"/> (the path <c>capture
/// reindex</c> takes) and reports the indexing rate, CPU, index size and peak memory, then the latency of a fixed mix of
/// 1,000 queries, and Capture's indexing cost against plain Lucene on the same documents.
/// </summary>
internal sealed class SearchBenchmark(SearchBenchmarkSettings settings, TextWriter output)
{
    /// <summary>Runs the benchmark and reports; returns the process exit code (0 when every goal is met).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (settings.IndexDirectory is { } kept && File.Exists(Path.Combine(kept, SearchBenchmarkSettings.MarkerFile)))
        {
            return await QueryKeptIndexAsync(Path.GetFullPath(kept), cancellationToken);
        }

        var work = Path.Combine(Path.GetTempPath(), "capture-bench", Guid.NewGuid().ToString("N"));
        var indexDirectory = settings.IndexDirectory is { } chosen ? Path.GetFullPath(chosen) : Path.Combine(work, "index");
        if (Directory.Exists(indexDirectory) && Directory.EnumerateFileSystemEntries(indexDirectory).Any())
        {
            await Console.Error.WriteLineAsync($"{indexDirectory} is not empty and holds no benchmark index ({SearchBenchmarkSettings.MarkerFile}); give an empty or new folder.");
            return 2;
        }

        Directory.CreateDirectory(work);
        var loadBefore = LoadAverage();
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Search benchmark: {settings.Documents:N0} generated documents, {Environment.ProcessorCount} cores, load average {loadBefore}; index in {indexDirectory}"));
        try
        {
            var generator = new ArchiveGenerator();
            var sample = new ArchiveSample();
            var (indexing, timings) = await IndexAndSearchAsync(generator, sample, indexDirectory, cancellationToken);
            if (settings.IndexDirectory is not null)
            {
                await File.WriteAllTextAsync(
                    Path.Combine(indexDirectory, SearchBenchmarkSettings.MarkerFile), settings.Documents.ToString(CultureInfo.InvariantCulture), cancellationToken);
            }

            var baselineDocuments = Math.Min(settings.Documents, PlainLuceneBaseline.MaxDocuments);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Baseline: plain Lucene on the first {baselineDocuments:N0} documents…"));
            var baseline = PlainLuceneBaseline.Index(generator.Generate(baselineDocuments), Path.Combine(work, "baseline"), cancellationToken);
            var generating = PlainLuceneBaseline.GenerateOnly(generator.Generate(baselineDocuments));
            indexing = indexing with { GeneratorCpuMsPerDocument = generating.CpuMillisecondsPerDocument };

            var report = CreateReport(sample, indexing, timings, baseline, generating, loadBefore);
            report.Write(output);
            if (settings.OutputFile is { } file)
            {
                await report.WriteJsonAsync(file, cancellationToken);
                await output.WriteLineAsync($"JSON written to {Path.GetFullPath(file)}");
            }

            return report.AllPassed ? 0 : 1;
        }
        finally
        {
            if (settings.KeepIndex || settings.IndexDirectory is not null)
            {
                await output.WriteLineAsync($"Index kept in {indexDirectory}");
                if (Directory.Exists(Path.Combine(work, "baseline")))
                {
                    Directory.Delete(Path.Combine(work, "baseline"), recursive: true);
                }
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>Times the query mix against an index an earlier run built and kept; the archive is generated again (not indexed) for its sample.</summary>
    private async Task<int> QueryKeptIndexAsync(string indexDirectory, CancellationToken cancellationToken)
    {
        var documents = int.Parse(await File.ReadAllTextAsync(Path.Combine(indexDirectory, SearchBenchmarkSettings.MarkerFile), cancellationToken), CultureInfo.InvariantCulture);
        if (documents != settings.Documents)
        {
            await Console.Error.WriteLineAsync($"{indexDirectory} holds the index of {documents} documents, not {settings.Documents}; give --docs {documents} or another folder.");
            return 2;
        }

        var loadBefore = LoadAverage();
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Search benchmark: {settings.Documents:N0} documents, {Environment.ProcessorCount} cores, load average {loadBefore}; querying the kept index in {indexDirectory} (no indexing)"));
        var sample = new ArchiveSample();
        foreach (var _ in new ArchiveGenerator().Generate(settings.Documents, sample))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var threads = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SEARCH_THREADS"), CultureInfo.InvariantCulture, out var t) ? t : 0;
        using var index = new ArchiveIndex(new ArchiveSearchOptions { IndexDirectory = indexDirectory, SearchThreads = threads }, new ArchiveClock(), new StderrLogger<ArchiveIndex>());
        var opened = System.Diagnostics.Stopwatch.StartNew();
        var queries = QueryMix.Build(sample);
        _ = QueryRunner.Run(index, queries, cancellationToken);
        var warmUp = opened.Elapsed;
        var timings = QueryRunner.Run(index, queries, cancellationToken);
        var overall = LatencySummary.Of("all", [.. timings]);
        var kinds = QueryMix.Composition
            .Select(entry => LatencySummary.Of(entry.Kind, [.. timings.Where(timing => timing.Query.Kind == entry.Kind)]))
            .ToList();
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Warm-up pass {warmUp.TotalSeconds:N1} s; load average after {LoadAverage()}; peak memory (VmHWM) {ProcStatus.ReadSelfKb("VmHWM") / 1024.0:N0} MB"));
        SearchReport.WriteQueries(output, overall, kinds);
        await output.WriteLineAsync("CPU time of the process per query (all threads; steadier than latency when the machine is loaded):");
        var cpuTimings = timings.Select(timing => timing with { Milliseconds = timing.CpuMilliseconds }).ToList();
        SearchReport.WriteQueries(
            output,
            LatencySummary.Of("all", cpuTimings),
            [.. QueryMix.Composition.Select(entry => LatencySummary.Of(entry.Kind, [.. cpuTimings.Where(timing => timing.Query.Kind == entry.Kind)]))]);
        var passed = overall.P50Ms < SearchReport.P50GoalMs && overall.P99Ms < SearchReport.P99GoalMs && kinds.All(kind => !kind.Failed);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{(passed ? "PASS" : "FAIL")}  p50 under {SearchReport.P50GoalMs} ms and p99 under {SearchReport.P99GoalMs} ms: {overall.P50Ms:0.00} / {overall.P99Ms:0.00} ms"));
        if (settings.OutputFile is { } file)
        {
            await BenchmarkJson.WriteAsync(new { Benchmark = "search-queries", Documents = documents, LoadAverageBefore = loadBefore, Queries = overall, QueryKinds = kinds }, file, cancellationToken);
        }

        return passed ? 0 : 1;
    }

    private async Task<(IndexingFigures Indexing, IReadOnlyList<QueryTiming> Timings)> IndexAndSearchAsync(
        ArchiveGenerator generator, ArchiveSample sample, string indexDirectory, CancellationToken cancellationToken)
    {
        // The peak that counts is the one while indexing, not what start-up or an earlier run left behind.
        var peakReset = ProcStatus.TryResetSelfPeak();
        using var index = new ArchiveIndex(new ArchiveSearchOptions { IndexDirectory = indexDirectory }, new ArchiveClock(), new StderrLogger<ArchiveIndex>());
        IndexRebuildResult rebuilt;
        long largestWorkingSet;
        CostMeasurement cost;
        await using (var monitor = new IndexingMonitor(output, () => sample.Documents))
        {
            var cpu = CostMeasurement.ProcessCpuTime();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            rebuilt = await index.RebuildAsync(generator.DocumentsAsync(settings.Documents, sample), monitor, cancellationToken);
            cost = new CostMeasurement(rebuilt.DocumentsIndexed, clock.Elapsed, CostMeasurement.ProcessCpuTime() - cpu);
            largestWorkingSet = monitor.LargestWorkingSet;
        }

        var peakKb = ProcStatus.ReadSelfKb("VmHWM");
        var indexBytes = Directory.EnumerateFiles(indexDirectory, "*", SearchOption.AllDirectories).Sum(path => new FileInfo(path).Length);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Indexed {rebuilt.DocumentsIndexed:N0} documents in {cost.Wall.TotalSeconds:N1} s ({cost.DocumentsPerSecond:N0}/s); {index.DocumentCount:N0} searchable. Warming up with the query mix…"));

        var indexing = new IndexingFigures(
            rebuilt.DocumentsIndexed,
            cost.Wall.TotalSeconds,
            cost.DocumentsPerSecond,
            cost.Cpu.TotalSeconds,
            cost.CpuMillisecondsPerDocument,
            GeneratorCpuMsPerDocument: 0,
            indexBytes,
            rebuilt.IndexBytes,
            peakKb is { } kb ? kb / 1024.0 : largestWorkingSet / 1_048_576.0,
            peakKb is null ? "largest sampled working set" : peakReset ? "VmHWM since the rebuild started" : "VmHWM of the whole process",
            largestWorkingSet / 1_048_576.0);

        var queries = QueryMix.Build(sample);
        _ = QueryRunner.Run(index, queries, cancellationToken);
        var timings = QueryRunner.Run(index, queries, cancellationToken);
        return (indexing, timings);
    }

    private static SearchReport CreateReport(
        ArchiveSample sample, IndexingFigures indexing, IReadOnlyList<QueryTiming> timings, CostMeasurement baseline, CostMeasurement generating, string loadBefore)
    {
        var overall = LatencySummary.Of("all", [.. timings]);
        var kinds = QueryMix.Composition
            .Select(entry => LatencySummary.Of(entry.Kind, [.. timings.Where(timing => timing.Query.Kind == entry.Kind)]))
            .ToList();
        var refused = timings
            .Where(timing => timing.Error is not null)
            .Select(timing => $"{timing.Query.Kind}: {timing.Query.Query} → {timing.Error}")
            .ToList();
        var zeroHits = timings
            .Where(timing => timing.Error is null && timing.TotalCases == 0)
            .Select(timing => $"{timing.Query.Kind}: {timing.Query.Query}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var generatorShare = generating.CpuMillisecondsPerDocument;
        return new SearchReport(
            "search",
            DateTimeOffset.Now,
            Environment.MachineName,
            Environment.ProcessorCount,
            loadBefore,
            LoadAverage(),
            ArchiveFigures.From(sample),
            indexing,
            overall,
            kinds,
            refused,
            zeroHits,
            new BaselineFigures(
                baseline.Documents,
                baseline.Wall.TotalSeconds,
                baseline.CpuMillisecondsPerDocument,
                indexing.CpuMsPerDocument / baseline.CpuMillisecondsPerDocument,
                (indexing.CpuMsPerDocument - generatorShare) / Math.Max(1e-9, baseline.CpuMillisecondsPerDocument - generatorShare)),
            SearchReport.CheckGoals(indexing, overall, kinds));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
