using Capture.Classifier.Classification;
using Capture.Testing;
using Microsoft.Extensions.Logging;

namespace Capture.Classifier.Tests.Classification;

public sealed class CategoryModelProviderTests
{
    // A small copy of the samples, two folds and one cheap pipeline keep the trainings quick.
    private static readonly ClassifierOptions Options = new() { CrossValidationFolds = 2 };
    private static readonly CandidatePipeline[] Words = [CategoryModelTrainer.DefaultCandidates[0]];

    [Fact]
    public void GetClassifier_MatchingFingerprint_ReusesTheCachedModel()
    {
        using var temp = new TempDirectory();
        var training = CopySamples(temp.Combine("training"));
        var modelPath = temp.Combine("cache", "category.zip");
        var log = new RecordingLogger();
        var provider = new CategoryModelProvider(Options, log, Words);

        using (provider.GetClassifier(training, modelPath, TestContext.Current.CancellationToken))
        {
        }

        var firstWrite = File.GetLastWriteTimeUtc(modelPath);
        var firstBytes = File.ReadAllBytes(modelPath);
        using var second = provider.GetClassifier(training, modelPath, TestContext.Current.CancellationToken);

        Assert.Equal([2, 3, 1], log.EventIds);
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(modelPath));
        Assert.Equal(firstBytes, File.ReadAllBytes(modelPath));
        Assert.Equal(CategoryModelProvider.Fingerprint(training), File.ReadAllText(CategoryModelProvider.FingerprintPath(modelPath)));
    }

    [Fact]
    public void GetClassifier_ChangedTrainingFile_Retrains()
    {
        using var temp = new TempDirectory();
        var training = CopySamples(temp.Combine("training"));
        var modelPath = temp.Combine("category.zip");
        var log = new RecordingLogger();
        var provider = new CategoryModelProvider(Options, log, Words);
        using (provider.GetClassifier(training, modelPath, TestContext.Current.CancellationToken))
        {
        }

        var before = File.ReadAllText(CategoryModelProvider.FingerprintPath(modelPath));
        var changed = Directory.EnumerateFiles(Path.Combine(training, "thanks")).Order(StringComparer.Ordinal).First();
        File.AppendAllText(changed, " Dziękuję raz jeszcze!");
        using var retrained = provider.GetClassifier(training, modelPath, TestContext.Current.CancellationToken);

        Assert.Equal([2, 3, 2, 3], log.EventIds);
        Assert.NotEqual(before, File.ReadAllText(CategoryModelProvider.FingerprintPath(modelPath)));
        Assert.Equal(CategoryModelProvider.Fingerprint(training), File.ReadAllText(CategoryModelProvider.FingerprintPath(modelPath)));
    }

    [Fact]
    public void GetClassifier_ModelWithoutFingerprint_Retrains()
    {
        using var temp = new TempDirectory();
        var training = CopySamples(temp.Combine("training"));
        var modelPath = temp.Combine("category.zip");
        var log = new RecordingLogger();
        var provider = new CategoryModelProvider(Options, log, Words);
        using (provider.GetClassifier(training, modelPath, TestContext.Current.CancellationToken))
        {
        }

        File.Delete(CategoryModelProvider.FingerprintPath(modelPath));
        using var retrained = provider.GetClassifier(training, modelPath, TestContext.Current.CancellationToken);

        Assert.Equal([2, 3, 2, 3], log.EventIds);
    }

    [Fact]
    public void Fingerprint_DependsOnFileNamesAndContents()
    {
        using var temp = new TempDirectory();
        var training = CopySamples(temp.Combine("training"));
        var original = CategoryModelProvider.Fingerprint(training);
        var file = Directory.EnumerateFiles(Path.Combine(training, "complaint")).Order(StringComparer.Ordinal).First();

        File.Move(file, Path.Combine(Path.GetDirectoryName(file)!, "pl-999.txt"));
        var renamed = CategoryModelProvider.Fingerprint(training);

        Assert.NotEqual(original, renamed);
        Assert.Equal(renamed, CategoryModelProvider.Fingerprint(training));
    }

    private static string CopySamples(string target)
    {
        var source = Path.Combine(RepositoryRoot.Samples, "training");
        foreach (var folder in TrainingSet.Folders.Keys)
        {
            Directory.CreateDirectory(Path.Combine(target, folder));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, folder), "*.txt").Order(StringComparer.Ordinal).Where((_, i) => i % 4 == 0))
            {
                File.Copy(file, Path.Combine(target, folder, Path.GetFileName(file)));
            }
        }

        return target;
    }

    private sealed class RecordingLogger : ILogger<CategoryModelProvider>
    {
        public List<int> EventIds { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            EventIds.Add(eventId.Id);
    }
}
