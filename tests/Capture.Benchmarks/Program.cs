using System.Globalization;
using Capture.Benchmarks.Mail;
using Capture.Benchmarks.Ocr;
using Capture.Benchmarks.Search;
using Capture.Benchmarks.Soak;
using Capture.Benchmarks.Understand;

namespace Capture.Benchmarks;

/// <summary>
/// Capture's benchmarks, run by hand or by CI-like checks, never by the test suite:
/// <c>dotnet run -c Release --project tests/Capture.Benchmarks -- ocr [--pages N] [--out FILE] [--keep]</c> or
/// <c>-- mail [--messages N]</c> or <c>-- soak [--minutes N] [--mail-per-second N]</c> or <c>-- understand [--seconds N]</c> or <c>-- search [--docs N] [--out FILE] [--keep] [--index DIR]</c>.
/// Exit code 0 when every goal is met, 1 when a goal failed, 2 on wrong usage or a missing tool.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: Capture.Benchmarks ocr [--pages N] [--out FILE] [--keep]
               Capture.Benchmarks mail [--messages N]
               Capture.Benchmarks soak [--minutes N] [--mail-per-second N]
               Capture.Benchmarks understand [--seconds N]
               Capture.Benchmarks search [--docs N] [--out FILE] [--keep] [--index DIR]

          ocr          Time the tesseract command line (one page after another, and one process per core) against
                       Capture's DocumentTextExtractor on the same pages, with peak memory and goal checks.
          --pages N    Letter pages to render with text2image (default 16); the corpus scans are added when present.
          --out FILE   Also write the results as JSON to FILE.
          --keep       Keep the rendered pages (their folder is printed).

          mail         Deliver generated ~10 KB messages to a real Dovecot on 127.0.0.1 and capture them with the real
                       `capture fetch` (claim, parse, classify, extract, store, index, mark seen): messages/s, peak memory.
          --messages N Messages to deliver (default 5000).

          soak         Feed the real `capture run` a steady stream for a fixed time: ~10 KB e-mails into a Dovecot mailbox,
                       a letter every 5 s and a scan every 30 s into a drop folder. Prints each minute's throughput,
                       backlog, resident memory and CPU; goals: it keeps up, and memory does not grow after warm-up.
          --minutes N  How long to feed (default 20).
          --mail-per-second N  E-mails delivered per second (default 5).

          understand   Train the category model from samples/training (timed), then language + category + metadata
                       (ItemAnalyzer) on one thread over the training texts as extracted items: items/s, and each stage.
          --seconds N  Measure each stage for N seconds (default 5).

          search       Generate an archive of pl/hu/en customer letters and index it with ArchiveIndex.RebuildAsync:
                       documents/s, CPU, index size, peak memory; then the p50/p95/p99 latency of a fixed mix of 1,000
                       queries, and the indexing cost against plain Lucene.
          --docs N     Documents to generate and index (default 1000000, at least 1000).
          --out FILE   Also write the results as JSON to FILE.
          --keep       Keep the index (its folder is printed).
          --index DIR  Build the index in DIR and keep it; when DIR already holds the index of this benchmark with
                       the same --docs, skip indexing and the baseline and only time the queries against it.

        Exit code: 0 every goal met, 1 a goal failed, 2 wrong usage or a tool missing.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "mail")
        {
            return await RunMailAsync(args);
        }

        if (args[0] == "soak")
        {
            return await RunSoakAsync(args);
        }

        if (args[0] == "understand")
        {
            return RunUnderstand(args);
        }

        if (args[0] == "search")
        {
            return await RunSearchAsync(args);
        }

        if (args[0] != "ocr")
        {
            await Console.Error.WriteLineAsync($"Unknown benchmark \"{args[0]}\".\n\n{Usage}");
            return 2;
        }

        if (ParseCountOutKeep(args, "--pages", OcrBenchmarkSettings.DefaultLetterPages, 1, 1000) is not (var pages, var outputFile, var keep))
        {
            return 2;
        }

        using var cancellation = CancelOnCtrlC();
        try
        {
            return await new OcrBenchmark(new OcrBenchmarkSettings(pages, outputFile, keep), Console.Out).RunAsync(cancellation.Token);
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync("The benchmark could not run: " + exception.Message);
            return 2;
        }
        catch (Capture.Classifier.Extraction.UnreadableDocumentException exception)
        {
            await Console.Error.WriteLineAsync("Capture could not read a benchmark page: " + exception.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }

    private static int RunUnderstand(string[] args)
    {
        var duration = UnderstandBenchmark.DefaultDuration;
        if (args.Length == 3 && args[1] == "--seconds" && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600)
        {
            duration = TimeSpan.FromSeconds(seconds);
        }
        else if (args.Length != 1)
        {
            Console.Error.WriteLine($"understand takes only --seconds N (1 to 600).\n\n{Usage}");
            return 2;
        }

        using var cancellation = CancelOnCtrlC();
        try
        {
            return new UnderstandBenchmark(duration, Console.Out).Run(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
    }

    private static async Task<int> RunMailAsync(string[] args)
    {
        var messages = MailBenchmark.DefaultMessages;
        if (args.Length == 3 && args[1] == "--messages" && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 10 and <= 1_000_000)
        {
            messages = count;
        }
        else if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync($"mail takes only --messages N (10 to 1000000).\n\n{Usage}");
            return 2;
        }

        using var cancellation = CancelOnCtrlC();
        return await new MailBenchmark(messages, Console.Out).RunAsync(cancellation.Token);
    }

    private static async Task<int> RunSoakAsync(string[] args)
    {
        var (minutes, mailPerSecond) = ((int)SoakSettings.DefaultDuration.TotalMinutes, SoakSettings.DefaultMailPerSecond);
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
            if (args[i] == "--minutes" && value is >= 2 and <= 24 * 60)
            {
                minutes = value;
            }
            else if (args[i] == "--mail-per-second" && value is >= 1 and <= 1_000)
            {
                mailPerSecond = value;
            }
            else
            {
                await Console.Error.WriteLineAsync($"soak takes --minutes N (2 to 1440) and --mail-per-second N (1 to 1000).\n\n{Usage}");
                return 2;
            }
        }

        var root = CorpusLocator.RepositoryRoot();
        if (root is null)
        {
            await Console.Error.WriteLineAsync("Capture.sln not found above this program or the current directory (the soak drops the scans of samples/inbox).");
            return 2;
        }

        using var cancellation = CancelOnCtrlC();
        try
        {
            return await new SoakBenchmark(new SoakSettings(TimeSpan.FromMinutes(minutes), mailPerSecond, root), Console.Out).RunAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }

    private static async Task<int> RunSearchAsync(string[] args)
    {
        // --index DIR is the search benchmark's own option; the rest it shares with ocr.
        var at = Array.IndexOf(args, "--index");
        var indexDirectory = at > 0 && at + 1 < args.Length ? args[at + 1] : null;
        var rest = indexDirectory is null ? args : [.. args.Where((_, i) => i != at && i != at + 1)];
        if (ParseCountOutKeep(rest, "--docs", SearchBenchmarkSettings.DefaultDocuments, SearchBenchmarkSettings.MinDocuments, 100_000_000) is not (var documents, var outputFile, var keep))
        {
            return 2;
        }

        using var cancellation = CancelOnCtrlC();
        try
        {
            return await new SearchBenchmark(new SearchBenchmarkSettings(documents, outputFile, keep, indexDirectory), Console.Out).RunAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }

    /// <summary>
    /// The options <c>ocr</c> and <c>search</c> share: a count (<paramref name="countOption"/> N), <c>--out FILE</c> and
    /// <c>--keep</c>. Null, after saying why on stderr, when an argument is wrong.
    /// </summary>
    private static (int Count, string? OutputFile, bool Keep)? ParseCountOutKeep(string[] args, string countOption, int count, int min, int max)
    {
        string? outputFile = null;
        var keep = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == countOption && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                count = value;
                i++;
            }
            else if (args[i] == "--out" && i + 1 < args.Length)
            {
                outputFile = args[++i];
            }
            else if (args[i] == "--keep")
            {
                keep = true;
            }
            else
            {
                Console.Error.WriteLine($"Unexpected argument \"{args[i]}\" ({countOption} takes a number from {min} to {max}).\n\n{Usage}");
                return null;
            }
        }

        return (count, outputFile, keep);
    }

    private static CancellationTokenSource CancelOnCtrlC()
    {
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };
        return cancellation;
    }
}
