using System.Diagnostics;
using System.Globalization;
using Capture.Classifier.Extraction;
using Capture.Classifier.Ocr;

namespace Capture.Benchmarks.Ocr;

/// <summary>The settings of one <c>ocr</c> benchmark run.</summary>
internal sealed record OcrBenchmarkSettings(int LetterPages, string? OutputFile, bool KeepPages)
{
    public const int DefaultLetterPages = 16;
    public const string Languages = "pol+hun+eng";
}

/// <summary>One measured variant.</summary>
/// <param name="Key">a, b, c, c-warm.</param>
/// <param name="Name">What ran, for the table.</param>
/// <param name="Wall">Wall-clock time of the whole variant.</param>
/// <param name="PeakMemoryMb">Peak resident memory in MiB (see <paramref name="PeakMemoryBasis"/>).</param>
/// <param name="PeakMemoryBasis">How the peak was measured.</param>
/// <param name="CpuSeconds">User plus system CPU time spent.</param>
/// <param name="Texts">The recognised text per page, in page order.</param>
internal sealed record VariantResult(
    string Key,
    string Name,
    TimeSpan Wall,
    double PeakMemoryMb,
    string PeakMemoryBasis,
    double CpuSeconds,
    IReadOnlyList<string> Texts);

/// <summary>
/// Compares Capture's OCR (the real <see cref="DocumentTextExtractor"/> on one <see cref="OcrEnginePool"/>) with
/// the <c>tesseract</c> command line run one page after another and one process per core, on the same pages.
/// </summary>
internal sealed class OcrBenchmark(OcrBenchmarkSettings settings, TextWriter output)
{
    private static readonly int Cores = Environment.ProcessorCount;

    /// <summary>Runs every variant and reports; returns the process exit code (0 when every goal is met).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var version = await TesseractCli.VersionAsync(cancellationToken);
        var loadBefore = LoadAverage();
        await output.WriteLineAsync($"OCR benchmark: {version}, languages {OcrBenchmarkSettings.Languages}, {Cores} cores, load average {loadBefore}");
        await output.WriteLineAsync(TesseractCli.HasGnuTime
            ? "tesseract memory and CPU from /usr/bin/time"
            : "/usr/bin/time not found (Debian package time): sampling tesseract's VmHWM from /proc instead");

        using var pageSet = await PageSet.BuildAsync(settings.LetterPages, cancellationToken);
        pageSet.Keep = settings.KeepPages;
        var pages = pageSet.Pages;
        var corpusPages = pages.Count(page => page.Source.StartsWith("corpus", StringComparison.Ordinal));
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Pages: {pages.Count} ({settings.LetterPages} letter pages rendered with text2image in {pageSet.RenderTime.TotalSeconds:0.0} s, " +
            $"{corpusPages} corpus scans{(pageSet.Corpus is null ? "; corpus not found: set CAPTURE_CORPUS or place it at ../shared/corpus" : " from " + pageSet.Corpus)}) in {pageSet.Directory}"));

        var cli = new TesseractCli(OcrBenchmarkSettings.Languages);
        var scratch = Path.Combine(pageSet.Directory, "scratch");
        Directory.CreateDirectory(scratch);

        // Untimed: one run reads tesseract and the traineddata into the page cache, so (a) does not pay for the disk.
        _ = await cli.RecognizeAsync(pages.MinBy(page => new FileInfo(page.Path).Length)!, scratch, cancellationToken);

        var results = new List<VariantResult>();
        results.Add(Announce(await RunCliSequentialAsync(cli, pages, scratch, cancellationToken)));
        results.Add(Announce(await RunCliPerCoreAsync(cli, pages, scratch, cancellationToken)));
        var (cold, warm) = await RunCaptureAsync(pages, cancellationToken);
        results.Add(Announce(cold));
        results.Add(Announce(warm));

        var loadAfter = LoadAverage();
        var report = OcrReport.Create(version, pages, results, loadBefore, loadAfter);
        report.Write(output);
        if (settings.OutputFile is { } file)
        {
            await report.WriteJsonAsync(file, cancellationToken);
            await output.WriteLineAsync($"JSON written to {Path.GetFullPath(file)}");
        }

        if (settings.KeepPages)
        {
            await output.WriteLineAsync($"Pages kept in {pageSet.Directory}");
        }

        return report.AllPassed ? 0 : 1;
    }

    /// <summary>(a) One single-threaded tesseract process per page, one after another.</summary>
    private static async Task<VariantResult> RunCliSequentialAsync(TesseractCli cli, IReadOnlyList<BenchPage> pages, string scratch, CancellationToken cancellationToken)
    {
        var texts = new string[pages.Count];
        long peakKb = 0;
        double cpu = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < pages.Count; i++)
        {
            var result = await cli.RecognizeAsync(pages[i], scratch, cancellationToken);
            texts[i] = result.Text;
            peakKb = Math.Max(peakKb, result.PeakRssKb);
            cpu += result.CpuSeconds;
        }

        stopwatch.Stop();
        return new VariantResult(
            "a",
            "(a) tesseract CLI, OMP_THREAD_LIMIT=1, one page after another",
            stopwatch.Elapsed,
            peakKb / 1024.0,
            "largest peak RSS of one tesseract process",
            cpu,
            texts);
    }

    /// <summary>
    /// (b) One single-threaded tesseract process per core at a time; the workers take the next page from a shared
    /// queue (as <c>xargs -P</c> would), which balances uneven pages better than a fixed split.
    /// </summary>
    private static async Task<VariantResult> RunCliPerCoreAsync(TesseractCli cli, IReadOnlyList<BenchPage> pages, string scratch, CancellationToken cancellationToken)
    {
        var texts = new string[pages.Count];
        var workerPeakKb = new long[Cores];
        var workerCpu = new double[Cores];
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Cores).Select(worker => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < pages.Count)
                {
                    var result = await cli.RecognizeAsync(pages[index], scratch, cancellationToken);
                    texts[index] = result.Text;
                    workerPeakKb[worker] = Math.Max(workerPeakKb[worker], result.PeakRssKb);
                    workerCpu[worker] += result.CpuSeconds;
                }
            },
            cancellationToken));
        await Task.WhenAll(workers);
        stopwatch.Stop();
        return new VariantResult(
            "b",
            string.Create(CultureInfo.InvariantCulture, $"(b) tesseract CLI, OMP_THREAD_LIMIT=1, {Cores} processes at once"),
            stopwatch.Elapsed,
            workerPeakKb.Sum() / 1024.0,
            string.Create(CultureInfo.InvariantCulture, $"sum over the {Cores} workers of each one's largest process peak RSS (upper bound of the concurrent total)"),
            workerCpu.Sum(),
            texts);
    }

    /// <summary>
    /// (c) Capture: a new engine pool and the real <see cref="DocumentTextExtractor"/>, one call per page file, the
    /// files processed <see cref="Environment.ProcessorCount"/> at a time as <c>capture import</c> does. The first
    /// pass includes creating the pool and initialising its engines; the second reuses the warm pool.
    /// </summary>
    private async Task<(VariantResult Cold, VariantResult Warm)> RunCaptureAsync(IReadOnlyList<BenchPage> pages, CancellationToken cancellationToken)
    {
        GC.Collect();
        var resetWorked = ProcStatus.TryResetSelfPeak();
        var basis = resetWorked
            ? "benchmark process VmHWM, reset before the pass"
            : "benchmark process peak working set (whole run)";
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var ocrOptions = new OcrOptions { Languages = OcrBenchmarkSettings.Languages, MaxDegreeOfParallelism = Cores };
        using var pool = new OcrEnginePool(ocrOptions, new StderrLogger<OcrEnginePool>());
        var extractor = new DocumentTextExtractor(new ExtractionOptions(), pool, new StderrLogger<DocumentTextExtractor>());
        var coldTexts = await ExtractAllAsync(extractor, pages, cancellationToken);
        stopwatch.Stop();
        var cold = new VariantResult(
            "c",
            string.Create(CultureInfo.InvariantCulture, $"(c) Capture DocumentTextExtractor, parallelism {Cores}, incl. pool warm-up"),
            stopwatch.Elapsed,
            PeakSelfMb(self),
            basis,
            (Cpu(self) - cpuBefore).TotalSeconds,
            coldTexts);
        if (pool.EnginesInitialized > Cores)
        {
            throw new InvalidOperationException($"The pool initialised {pool.EnginesInitialized} engines for {Cores} cores.");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    ({pool.EnginesInitialized} engines initialised, pool capacity {pool.Capacity})"));

        GC.Collect();
        resetWorked = ProcStatus.TryResetSelfPeak();
        cpuBefore = Cpu(self);
        stopwatch.Restart();
        var warmTexts = await ExtractAllAsync(extractor, pages, cancellationToken);
        stopwatch.Stop();
        var warm = new VariantResult(
            "c-warm",
            "(c) the same, steady state (pool already warm)",
            stopwatch.Elapsed,
            PeakSelfMb(self),
            resetWorked ? "benchmark process VmHWM, reset before the pass" : "benchmark process peak working set (whole run)",
            (Cpu(self) - cpuBefore).TotalSeconds,
            warmTexts);
        return (cold, warm);
    }

    private static async Task<string[]> ExtractAllAsync(DocumentTextExtractor extractor, IReadOnlyList<BenchPage> pages, CancellationToken cancellationToken)
    {
        var texts = new string[pages.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, pages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Cores, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var document = await extractor.ExtractAsync(pages[index].Path, pages[index].FileName, token);
                if (!document.UsedOcr)
                {
                    throw new InvalidOperationException($"Capture did not OCR {pages[index].FileName}.");
                }

                texts[index] = document.Text;
            });
        return texts;
    }

    private static TimeSpan Cpu(Process self)
    {
        self.Refresh();
        return self.TotalProcessorTime;
    }

    private static double PeakSelfMb(Process self)
    {
        var hwmKb = ProcStatus.ReadSelfKb("VmHWM");
        if (hwmKb is { } kb)
        {
            return kb / 1024.0;
        }

        self.Refresh();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} {fields[1]} {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private VariantResult Announce(VariantResult result)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  done: {result.Name}: {result.Wall.TotalSeconds:0.0} s, peak {result.PeakMemoryMb:0} MB, CPU {result.CpuSeconds:0.0} s"));
        return result;
    }
}
