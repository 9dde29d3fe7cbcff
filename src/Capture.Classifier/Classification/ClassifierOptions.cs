namespace Capture.Classifier.Classification;

/// <summary>Settings of the category classifier and of its training.</summary>
public sealed class ClassifierOptions
{
    /// <summary>Below this probability of the best category the classifier abstains (<see cref="DocumentCategory.Unclassified"/>). Default 0.5.</summary>
    public double MinimumConfidence { get; set; } = 0.5;

    /// <summary>Folds of the cross-validation that chooses the training pipeline. Default 5.</summary>
    public int CrossValidationFolds { get; set; } = 5;

    /// <summary>Seed of every random choice during training, so a training run can be repeated exactly. Default 20261112.</summary>
    public int Seed { get; set; } = 20261112;

    /// <summary>Checks the values and names the first wrong one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate()
    {
        if (MinimumConfidence is < 0 or > 1 || double.IsNaN(MinimumConfidence))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumConfidence), MinimumConfidence, "Classifier:MinimumConfidence must be between 0 and 1.");
        }

        if (CrossValidationFolds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(CrossValidationFolds), CrossValidationFolds, "Classifier:CrossValidationFolds must be at least 2.");
        }
    }
}
