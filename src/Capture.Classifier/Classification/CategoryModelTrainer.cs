using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Capture.Classifier.Classification;

/// <summary>
/// Trains the category model with ML.NET: every candidate pipeline (hashed word, word-pair, stem and character
/// n-gram features of the diacritic-folded, OCR-normalised text; see <see cref="TextFeaturizer"/>; and a
/// maximum-entropy trainer) is cross-validated on the training examples, and the one with the best mean macro-F1 is
/// fitted on all of them. Deterministic for a given seed; single-threaded so it leaves the other core to the service.
/// </summary>
public sealed class CategoryModelTrainer
{
    /// <summary>Changes whenever the features or candidates change, so cached models trained differently are not reused.</summary>
    public const string PipelineVersion = "category-pipeline-v3";

    private readonly ClassifierOptions _options;
    private readonly IReadOnlyList<CandidatePipeline> _candidates;

    /// <summary>Creates a trainer that chooses among <paramref name="candidates"/> (default <see cref="DefaultCandidates"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="candidates"/> is empty.</exception>
    public CategoryModelTrainer(ClassifierOptions? options = null, IReadOnlyList<CandidatePipeline>? candidates = null)
    {
        _options = options ?? new ClassifierOptions();
        _options.Validate();
        _candidates = candidates ?? DefaultCandidates;
        if (_candidates.Count == 0)
        {
            throw new ArgumentException("At least one candidate pipeline is needed.", nameof(candidates));
        }
    }

    /// <summary>
    /// The pipelines cross-validated by default: words and word pairs alone, or with stems, words as written (with
    /// diacritics) and character 2–4- or 3–5-grams, each with L-BFGS maximum entropy. (SDCA scored 0.87 against
    /// L-BFGS's 0.96 and took longer, and L2 = 0.01 never beat 0.001; they were dropped to keep training under a minute.)
    /// </summary>
    public static IReadOnlyList<CandidatePipeline> DefaultCandidates { get; } = BuildDefaultCandidates();

    /// <summary>The names of <see cref="DefaultCandidates"/>, in cross-validation order.</summary>
    public static IReadOnlyList<string> CandidateNames { get; } = [.. DefaultCandidates.Select(c => c.Name)];

    /// <summary>Cross-validates every candidate on <paramref name="examples"/>, then fits the best one on all of them.</summary>
    /// <exception cref="ArgumentException">The examples do not cover at least two categories, or one is unlabelled.</exception>
    /// <exception cref="OperationCanceledException">Cancelled through <paramref name="cancellationToken"/>.</exception>
    public TrainedCategoryModel Train(IReadOnlyList<LabelledText> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Select(e => e.Category).Distinct().Count() < 2)
        {
            throw new ArgumentException("Training needs examples of at least two categories.", nameof(examples));
        }

        var stopwatch = Stopwatch.StartNew();
        var context = new MLContext(_options.Seed);
        var views = new Dictionary<FeatureSettings, IDataView>();
        var scores = new List<PipelineScore>();
        foreach (var candidate in _candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!views.TryGetValue(candidate.Features, out var data))
            {
                data = FeatureRow.Load(context, examples, candidate.Features);
                views[candidate.Features] = data;
            }

            var folds = context.MulticlassClassification.CrossValidate(
                data, BuildTrainer(context, candidate), _options.CrossValidationFolds, labelColumnName: nameof(FeatureRow.Label), seed: _options.Seed);
            scores.Add(new PipelineScore(candidate.Name, folds.Average(f => MacroF1(f.Metrics.ConfusionMatrix))));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var best = _candidates[scores.IndexOf(scores.MaxBy(s => s.MacroF1)!)];
        var model = Fit(context, views[best.Features], best);
        return new TrainedCategoryModel(model, scores, stopwatch.Elapsed);
    }

    /// <summary>
    /// Trains on <paramref name="samples"/> plus people's <paramref name="corrections"/> (each an item's text, the category a
    /// person chose and its language), the way a retraining from corrections does.
    /// </summary>
    /// <exception cref="ArgumentException">The examples do not cover at least two categories, or one is unlabelled.</exception>
    /// <exception cref="OperationCanceledException">Cancelled through <paramref name="cancellationToken"/>.</exception>
    public TrainedCategoryModel Train(IReadOnlyList<LabelledText> samples, IReadOnlyList<LabelledText> corrections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(corrections);
        return Train([.. samples, .. corrections], cancellationToken);
    }

    private static LinearCategoryModel Fit(MLContext context, IDataView data, CandidatePipeline candidate)
    {
        var transformer = BuildTrainer(context, candidate).Fit(data);
        VBuffer<float>[] perCategory = [];
        transformer.Model.GetWeights(ref perCategory, out var categories);
        var count = LinearCategoryModel.Categories.Count;
        if (categories != count)
        {
            throw new InvalidOperationException($"The trainer produced {categories} classes instead of {count}.");
        }

        // ML.NET lays weights out category by category; the model reads them slot by slot.
        var weights = new float[FeatureSettings.Dimension * count];
        for (var c = 0; c < count; c++)
        {
            var slot = 0;
            foreach (var weight in perCategory[c].DenseValues())
            {
                weights[(slot++ * count) + c] = weight;
            }
        }

        return new LinearCategoryModel(candidate.Features, candidate.Name, weights, [.. transformer.Model.GetBiases()]);
    }

    private static IEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> BuildTrainer(MLContext context, CandidatePipeline candidate) =>
        candidate.Trainer switch
        {
            CategoryTrainer.LbfgsMaximumEntropy => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L1Regularization = 0, L2Regularization = candidate.L2, HistorySize = 5 }),
            CategoryTrainer.SdcaMaximumEntropy => context.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L2Regularization = candidate.L2, MaximumNumberOfIterations = 50 }),
            _ => throw new ArgumentOutOfRangeException(nameof(candidate), candidate.Trainer, "Unknown trainer."),
        };

    private static IReadOnlyList<CandidatePipeline> BuildDefaultCandidates()
    {
        var words = new FeatureSettings("words", WordBigrams: true, DiacriticWords: false, Stems: false, MinCharacterGram: 0, MaxCharacterGram: 0);
        var shortGrams = new FeatureSettings("words+stems+chars2-4", WordBigrams: true, DiacriticWords: true, Stems: true, MinCharacterGram: 2, MaxCharacterGram: 4);
        var longGrams = new FeatureSettings("words+stems+chars3-5", WordBigrams: true, DiacriticWords: true, Stems: true, MinCharacterGram: 3, MaxCharacterGram: 5);
        return
        [
            new(words, CategoryTrainer.LbfgsMaximumEntropy, 0.001f),
            new(shortGrams, CategoryTrainer.LbfgsMaximumEntropy, 0.001f),
            new(longGrams, CategoryTrainer.LbfgsMaximumEntropy, 0.001f),
        ];
    }

    private static double MacroF1(ConfusionMatrix matrix)
    {
        var f1 = new List<double>();
        for (var i = 0; i < matrix.NumberOfClasses; i++)
        {
            var precision = matrix.PerClassPrecision[i];
            var recall = matrix.PerClassRecall[i];
            f1.Add(precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
        }

        return f1.Average();
    }
}

/// <summary>A candidate pipeline and its mean cross-validated macro-F1 on the training examples.</summary>
public sealed record PipelineScore(string Name, double MacroF1);

/// <summary>The outcome of training: the fitted model, every candidate's cross-validated score and how long it all took.</summary>
/// <param name="Model">The model of the best candidate, fitted on all the examples.</param>
/// <param name="CrossValidation">Each candidate's mean cross-validated macro-F1, in candidate order.</param>
/// <param name="Duration">Wall time of featurization, cross-validation and the final fit.</param>
public sealed record TrainedCategoryModel(LinearCategoryModel Model, IReadOnlyList<PipelineScore> CrossValidation, TimeSpan Duration)
{
    /// <summary>The name of the chosen pipeline.</summary>
    public string PipelineName => Model.PipelineName;
}
