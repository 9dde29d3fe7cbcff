using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Capture.Classifier.Classification;

/// <summary>
/// Trains the category model with ML.NET: word 1–2-grams over the normalised text, the diacritic-folded text and five-letter stems,
/// character 3-, 4- and 5-grams over the folded text, and a multiclass trainer chosen among a few
/// candidates by cross-validated macro-F1 on the training examples. Deterministic for a given seed.
/// </summary>
public sealed class CategoryModelTrainer
{
    /// <summary>Changes whenever the features or candidates change, so cached models trained differently are not reused.</summary>
    public const string PipelineVersion = "category-pipeline-v2";

    private readonly ClassifierOptions _options;

    /// <summary>Creates a trainer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CategoryModelTrainer(ClassifierOptions? options = null)
    {
        _options = options ?? new ClassifierOptions();
        _options.Validate();
    }

    /// <summary>The candidate trainers, by name.</summary>
    public static IReadOnlyList<string> CandidateNames { get; } = ["SdcaMaximumEntropy", "LbfgsMaximumEntropy", "OneVersusAll-AveragedPerceptron"];

    /// <summary>
    /// Cross-validates every candidate on <paramref name="examples"/>, then fits the best one on all of them.
    /// </summary>
    /// <exception cref="ArgumentException">The examples do not cover at least two categories.</exception>
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
        var data = context.Data.LoadFromEnumerable(examples.Select(e => ModelInput.From(e.Text, e.Category)).ToList());

        var scores = new List<PipelineScore>();
        foreach (var name in CandidateNames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folds = context.MulticlassClassification.CrossValidate(
                data, BuildPipeline(context, name), _options.CrossValidationFolds, labelColumnName: "Label", seed: _options.Seed);
            scores.Add(new PipelineScore(name, folds.Average(f => MacroF1(f.Metrics.ConfusionMatrix))));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var best = scores.OrderByDescending(s => s.MacroF1).First();
        var model = BuildPipeline(context, best.Name).Fit(data);
        cancellationToken.ThrowIfCancellationRequested();
        return new TrainedCategoryModel(context, model, data.Schema, best.Name, scores, stopwatch.Elapsed);
    }

    internal static IEstimator<ITransformer> BuildPipeline(MLContext context, string trainerName)
    {
        var features = context.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(context.Transforms.Text.FeaturizeText("WordFeatures", TextOptions(words: true, charLength: 0), nameof(ModelInput.Normalised), nameof(ModelInput.Folded), nameof(ModelInput.Stems)))
            .Append(context.Transforms.Text.FeaturizeText("Char3", TextOptions(words: false, charLength: 3), nameof(ModelInput.Folded)))
            .Append(context.Transforms.Text.FeaturizeText("Char4", TextOptions(words: false, charLength: 4), nameof(ModelInput.Folded)))
            .Append(context.Transforms.Text.FeaturizeText("Char5", TextOptions(words: false, charLength: 5), nameof(ModelInput.Folded)))
            .Append(context.Transforms.Concatenate("Features", "WordFeatures", "Char3", "Char4", "Char5"))
            .AppendCacheCheckpoint(context);

        return trainerName switch
        {
            "SdcaMaximumEntropy" => features.Append(context.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, MaximumNumberOfIterations = 100 })),
            "LbfgsMaximumEntropy" => features.Append(context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L1Regularization = 0, L2Regularization = 0.05f })),
            "OneVersusAll-AveragedPerceptron" => features.Append(context.MulticlassClassification.Trainers.OneVersusAll(
                context.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options { NumberOfIterations = 20 }))),
            _ => throw new ArgumentOutOfRangeException(nameof(trainerName), trainerName, "Unknown trainer."),
        };
    }

    private static TextFeaturizingEstimator.Options TextOptions(bool words, int charLength) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = true,
        KeepPunctuations = false,
        KeepNumbers = false,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
        WordFeatureExtractor = words
            ? new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.Tf }
            : null,
        CharFeatureExtractor = charLength > 0
            ? new WordBagEstimator.Options { NgramLength = charLength, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.Tf }
            : null,
    };

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

/// <summary>The outcome of training: the fitted model, which candidate won, every candidate's score and how long it took.</summary>
public sealed record TrainedCategoryModel(
    MLContext Context,
    ITransformer Model,
    DataViewSchema InputSchema,
    string PipelineName,
    IReadOnlyList<PipelineScore> CrossValidation,
    TimeSpan Duration);
