namespace Capture.Classifier.Classification;

/// <summary>
/// The library side of retraining from corrections: trains a candidate model on the samples' training split plus
/// the categories people chose for items, and compares it with the model in use on the fixed held-out split. The
/// candidate should replace the current model only when <see cref="CandidateModel.IsAtLeastAsGood"/>.
/// </summary>
public sealed class ModelPromotion
{
    private readonly ClassifierOptions _options;
    private readonly IReadOnlyList<CandidatePipeline>? _candidates;

    /// <summary>
    /// Creates a promotion check that trains and evaluates with <paramref name="options"/> (its threshold included),
    /// choosing among <paramref name="candidates"/> (default <see cref="CategoryModelTrainer.DefaultCandidates"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ModelPromotion(ClassifierOptions? options = null, IReadOnlyList<CandidatePipeline>? candidates = null)
    {
        _options = options ?? new ClassifierOptions();
        _options.Validate();
        _candidates = candidates;
    }

    /// <summary>
    /// Trains a candidate on <paramref name="samples"/>' training split plus <paramref name="corrections"/> and compares it
    /// with <paramref name="current"/> on the held-out split. Corrections whose text is a held-out example are left out,
    /// so the comparison never rewards a model for having seen its test.
    /// </summary>
    /// <exception cref="ArgumentException">A correction is <see cref="DocumentCategory.Unclassified"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled through <paramref name="cancellationToken"/>.</exception>
    public CandidateModel TrainCandidate(
        TrainingSet samples,
        IReadOnlyList<LabelledText> corrections,
        LinearCategoryModel current,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(current);
        if (corrections.FirstOrDefault(c => c.Category == DocumentCategory.Unclassified) is { } unlabelled)
        {
            throw new ArgumentException($"A correction must name a category; one in {unlabelled.Language} is unclassified.", nameof(corrections));
        }

        var heldOutTexts = samples.HeldOut.Select(e => e.Text.Trim()).ToHashSet(StringComparer.Ordinal);
        var usable = corrections.Where(c => !heldOutTexts.Contains(c.Text.Trim())).ToList();
        var trained = new CategoryModelTrainer(_options, _candidates).Train(samples.Training, usable, cancellationToken);
        return new CandidateModel(
            trained,
            Evaluate(current, samples.HeldOut),
            Evaluate(trained.Model, samples.HeldOut),
            usable.Count,
            corrections.Count - usable.Count);
    }

    /// <summary>Compares two models on <paramref name="heldOut"/> with this promotion's options.</summary>
    public CandidateModel Compare(LinearCategoryModel current, TrainedCategoryModel candidate, IReadOnlyList<LabelledText> heldOut)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(heldOut);
        return new CandidateModel(candidate, Evaluate(current, heldOut), Evaluate(candidate.Model, heldOut), 0, 0);
    }

    private ClassificationReport Evaluate(LinearCategoryModel model, IReadOnlyList<LabelledText> heldOut)
    {
        using var classifier = new CategoryClassifier(model, _options);
        return ClassificationEvaluator.Evaluate(classifier, heldOut);
    }
}

/// <summary>A retrained model and how it and the current model score on the held-out split.</summary>
/// <param name="Trained">The candidate model.</param>
/// <param name="Current">The current model's scores on the held-out split.</param>
/// <param name="Candidate">The candidate's scores on the same examples.</param>
/// <param name="CorrectionsUsed">Corrections the candidate was trained on.</param>
/// <param name="CorrectionsLeftOut">Corrections left out because their text is a held-out example.</param>
public sealed record CandidateModel(
    TrainedCategoryModel Trained,
    ClassificationReport Current,
    ClassificationReport Candidate,
    int CorrectionsUsed,
    int CorrectionsLeftOut)
{
    /// <summary>The current model's macro-F1 on the held-out split.</summary>
    public double CurrentMacroF1 => Current.MacroF1;

    /// <summary>The candidate's macro-F1 on the held-out split.</summary>
    public double CandidateMacroF1 => Candidate.MacroF1;

    /// <summary>Whether the candidate scores at least as well as the current model, i.e. may replace it.</summary>
    public bool IsAtLeastAsGood => CandidateMacroF1 >= CurrentMacroF1;
}
