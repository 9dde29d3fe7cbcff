using System.Diagnostics;
using System.Globalization;
using Capture.Benchmarks.Ocr;
using Capture.Classifier.Classification;
using Capture.Classifier.Extraction;
using Capture.Classifier.Language;
using Capture.Classifier.Metadata;
using Capture.Classifier.Understanding;

namespace Capture.Benchmarks.Understand;

/// <summary>
/// <c>understand</c>: trains the category model from <c>samples/training</c> (timed), then runs
/// <see cref="ItemAnalyzer.Analyze"/> (language + category + metadata) on one thread over every training text as an
/// already extracted item, and each stage alone. Items per second are given by wall time and by the process's CPU
/// time, which on a machine shared with other work is the fairer measure of one core.
/// </summary>
internal sealed class UnderstandBenchmark(TimeSpan measureFor, TextWriter output)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(5);
    private const double GoalItemsPerSecond = 2_000;
    private static readonly TimeSpan GoalTraining = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public int Run(CancellationToken cancellationToken)
    {
        var root = CorpusLocator.RepositoryRoot() ?? throw new InvalidOperationException("Capture.sln not found above this program or the current directory.");
        var samples = TrainingSet.LoadFolder(Path.Combine(root, "samples", "training"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"understand ({Environment.ProcessorCount} cores, load {LoadAverage()}): {samples.Training.Count:N0} training examples"));

        var trainingCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var trained = new CategoryModelTrainer().Train(samples.Training, cancellationToken);
        trainingCpu = Process.GetCurrentProcess().TotalProcessorTime - trainingCpu;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  training                {trained.Duration.TotalSeconds:0.0} s wall, {trainingCpu.TotalSeconds:0.0} s CPU; chosen {trained.PipelineName}"));

        using var classifier = new CategoryClassifier(trained);
        var language = new LanguageDetector();
        var metadata = new MetadataExtractor();
        var analyzer = new ItemAnalyzer(language, classifier, metadata);
        var items = samples.All.Select(e => new ExtractedDocument($"{e.Language}.txt", "text/plain", e.Text, [], false, null, null, [])).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  items                   {items.Count:N0} texts, {items.Average(i => i.Text.Length):N0} characters on average, one thread"));

        var whole = Measure("language + category + metadata", items, item => analyzer.Analyze(item), cancellationToken);
        Measure("  language only", items, item => language.Detect(item.Text), cancellationToken);
        Measure("  category only", items, item => classifier.Classify(item.Text), cancellationToken);
        Measure("  metadata only", items, item => metadata.Extract(item.Text, null, null, "pl"), cancellationToken);

        output.WriteLine($"  load average after      {LoadAverage()}");
        var goals = new (string Goal, bool Met)[]
        {
            (string.Create(CultureInfo.InvariantCulture, $"at least {GoalItemsPerSecond:N0} items/s on one core (measured {whole.PerCpuSecond:N0} per CPU-second, {whole.PerSecond:N0} per wall second)"), whole.PerCpuSecond >= GoalItemsPerSecond),
            (string.Create(CultureInfo.InvariantCulture, $"training under {GoalTraining.TotalSeconds:0} s (measured {trained.Duration.TotalSeconds:0.0} s wall)"), trained.Duration < GoalTraining),
        };
        foreach (var (goal, met) in goals)
        {
            output.WriteLine($"  {(met ? "MET   " : "MISSED")} {goal}");
        }

        return goals.All(g => g.Met) ? 0 : 1;
    }

    private Rate Measure(string name, List<ExtractedDocument> items, Action<ExtractedDocument> work, CancellationToken cancellationToken)
    {
        // Whole passes for two seconds first: tiered JIT and the regular expressions' first runs settle only then
        // (a single warm-up pass left the first figure a third of the steady one).
        for (var warming = Stopwatch.StartNew(); warming.Elapsed < WarmUp;)
        {
            items.ForEach(work);
        }

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed < measureFor)
        {
            cancellationToken.ThrowIfCancellationRequested();
            items.ForEach(work);
            done += items.Count;
        }

        clock.Stop();
        process.Refresh();
        var rate = new Rate(done / clock.Elapsed.TotalSeconds, done / (process.TotalProcessorTime - cpu).TotalSeconds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-31} {rate.PerCpuSecond,9:N0} items per CPU-second  {rate.PerSecond,9:N0} items/s wall  ({1_000_000 / rate.PerCpuSecond:0} µs CPU each)"));
        return rate;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Rate(double PerSecond, double PerCpuSecond);
}
