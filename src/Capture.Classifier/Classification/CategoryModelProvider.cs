using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Capture.Classifier.Classification;

/// <summary>
/// Gives the service its category model: loads the cached model when it was trained from exactly the
/// current training files (SHA-256 over their names and contents, recorded beside the model), and
/// otherwise trains a new one from the folder's training split and caches it.
/// </summary>
public sealed partial class CategoryModelProvider
{
    private readonly ClassifierOptions _options;
    private readonly ILogger<CategoryModelProvider> _logger;
    private readonly IReadOnlyList<CandidatePipeline>? _candidates;

    /// <summary>Creates a provider that trains with <paramref name="candidates"/> (default <see cref="CategoryModelTrainer.DefaultCandidates"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CategoryModelProvider(ClassifierOptions? options = null, ILogger<CategoryModelProvider>? logger = null, IReadOnlyList<CandidatePipeline>? candidates = null)
    {
        _options = options ?? new ClassifierOptions();
        _options.Validate();
        _logger = logger ?? NullLogger<CategoryModelProvider>.Instance;
        _candidates = candidates;
    }

    /// <summary>The file holding the fingerprint of the model cached at <paramref name="modelPath"/>.</summary>
    public static string FingerprintPath(string modelPath) => modelPath + ".sha256";

    /// <summary>Returns a classifier for the training folder, from the cache at <paramref name="modelPath"/> when it is current.</summary>
    /// <exception cref="DirectoryNotFoundException">The training folder does not exist.</exception>
    /// <exception cref="IOException">The cache cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while training.</exception>
    public CategoryClassifier GetClassifier(string trainingDirectory, string modelPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(trainingDirectory);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);

        var fingerprint = Fingerprint(trainingDirectory);
        var fingerprintPath = FingerprintPath(modelPath);
        if (File.Exists(modelPath) && File.Exists(fingerprintPath)
            && string.Equals(File.ReadAllText(fingerprintPath).Trim(), fingerprint, StringComparison.Ordinal))
        {
            LogReusing(modelPath);
            return CategoryClassifier.Load(modelPath, _options);
        }

        LogTraining(trainingDirectory);
        var trained = new CategoryModelTrainer(_options, _candidates).Train(TrainingSet.LoadFolder(trainingDirectory).Training, cancellationToken);
        LogTrained(trained.PipelineName, trained.Duration.TotalSeconds);
        var classifier = new CategoryClassifier(trained, _options);
        try
        {
            Cache(classifier, modelPath, fingerprint);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }

        return classifier;
    }

    /// <summary>SHA-256 (hex) over the pipeline version and every training file's relative name and contents, in a stable order.</summary>
    /// <exception cref="DirectoryNotFoundException">The training folder does not exist.</exception>
    public static string Fingerprint(string trainingDirectory)
    {
        if (!Directory.Exists(trainingDirectory))
        {
            throw new DirectoryNotFoundException($"The training folder {trainingDirectory} does not exist.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(CategoryModelTrainer.PipelineVersion + "\n"));
        foreach (var (path, _) in TrainingSet.EnumerateFiles(trainingDirectory))
        {
            var relative = Path.GetRelativePath(trainingDirectory, path).Replace('\\', '/');
            var content = File.ReadAllBytes(path);
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\n{content.Length}\n"));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Makes <paramref name="model"/> (retrained on the examples plus people's corrections, and found at least as good)
    /// the cached model, so the next start loads it instead of training from the examples alone. It stays the cached
    /// model until the examples in <paramref name="trainingDirectory"/> change.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The training folder does not exist.</exception>
    /// <exception cref="IOException">The model cannot be written.</exception>
    public void Promote(LinearCategoryModel model, string trainingDirectory, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(trainingDirectory);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        using var classifier = new CategoryClassifier(model, _options);
        Cache(classifier, modelPath, Fingerprint(trainingDirectory));
    }

    private static void Cache(CategoryClassifier classifier, string modelPath, string fingerprint)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        Directory.CreateDirectory(directory);

        // Write beside the target and move into place, so a crash never leaves a half-written model
        // behind a matching fingerprint; the fingerprint is written last for the same reason.
        File.Delete(FingerprintPath(modelPath));
        var temporary = Path.Combine(directory, $".{Path.GetFileName(modelPath)}.{Guid.NewGuid():N}.tmp");
        classifier.Save(temporary);
        File.Move(temporary, modelPath, overwrite: true);
        File.WriteAllText(FingerprintPath(modelPath), fingerprint);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Reusing the cached category model {ModelPath}")]
    private partial void LogReusing(string modelPath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Training the category model from {TrainingDirectory}")]
    private partial void LogTraining(string trainingDirectory);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Trained the category model with {Pipeline} in {Seconds:F1} s")]
    private partial void LogTrained(string pipeline, double seconds);
}
