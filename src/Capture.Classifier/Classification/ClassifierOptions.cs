namespace Capture.Classifier.Classification;

/// <summary>Settings of the category classifier and of its training (configuration section <c>Classifier</c>).</summary>
public sealed class ClassifierOptions
{
    public const string SectionName = "Classifier";

    /// <summary>
    /// Below this probability of the best category the classifier abstains (<see cref="DocumentCategory.Unclassified"/>). Default 0.7:
    /// on out-of-fold predictions over the training split it kept the precision of the answered items at 0.977 while
    /// sending 6.7% to triage (0.5 gave 0.957).
    /// </summary>
    public double MinimumConfidence { get; set; } = 0.7;

    /// <summary>Folds of the cross-validation that chooses the training pipeline. Default 5.</summary>
    public int CrossValidationFolds { get; set; } = 5;

    /// <summary>Seed of every random choice during training, so a training run can be repeated exactly. Default 20261112.</summary>
    public int Seed { get; set; } = 20261112;

    /// <summary>The labelled examples the model is trained from (layout: <c>&lt;category&gt;/&lt;lang&gt;-&lt;nnn&gt;.txt</c>).</summary>
    public string? TrainingDataPath { get; set; }

    /// <summary>Where the trained model is cached; it is retrained when the training examples change.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The problems with these settings, each naming the key and the fix; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        string?[] problems =
        [
            MinimumConfidenceProblem(),
            CrossValidationFoldsProblem(),
            TrainingDataPath is not null && !Directory.Exists(TrainingDataPath)
                ? $"Classifier:TrainingDataPath '{TrainingDataPath}' does not exist; point it at a folder of labelled examples such as samples/training."
                : null,
        ];
        return [.. problems.OfType<string>()];
    }

    /// <summary>Checks the values and names the first wrong one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate()
    {
        if (MinimumConfidenceProblem() is { } confidence)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumConfidence), MinimumConfidence, confidence);
        }

        if (CrossValidationFoldsProblem() is { } folds)
        {
            throw new ArgumentOutOfRangeException(nameof(CrossValidationFolds), CrossValidationFolds, folds);
        }
    }

    private string? MinimumConfidenceProblem() => MinimumConfidence is < 0 or > 1 || double.IsNaN(MinimumConfidence)
        ? $"Classifier:MinimumConfidence must be between 0 and 1 (e.g. 0.7), not {MinimumConfidence}."
        : null;

    private string? CrossValidationFoldsProblem() => CrossValidationFolds < 2
        ? $"Classifier:CrossValidationFolds must be at least 2 (e.g. 5), not {CrossValidationFolds}."
        : null;
}
