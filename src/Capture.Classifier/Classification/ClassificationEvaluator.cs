namespace Capture.Classifier.Classification;

/// <summary>
/// Measures a classifier against labelled examples: precision, recall and F1 per category, macro-F1,
/// accuracy and the confusion matrix, overall and per language. Abstentions count as
/// <see cref="DocumentCategory.Unclassified"/> predictions, so they lower recall but not precision.
/// </summary>
public static class ClassificationEvaluator
{
    /// <summary>Classifies every example with <paramref name="classifier"/> and evaluates the result.</summary>
    public static ClassificationReport Evaluate(CategoryClassifier classifier, IReadOnlyList<LabelledText> examples)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(examples);
        return Evaluate(examples.Select(e => (e, classifier.Classify(e.Text).Category)).ToList());
    }

    /// <summary>Evaluates predictions already made, one per example.</summary>
    public static ClassificationReport Evaluate(IReadOnlyList<(LabelledText Example, DocumentCategory Predicted)> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var perLanguage = predictions
            .GroupBy(p => p.Example.Language, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Measure(g.ToList(), new Dictionary<string, ClassificationReport>()), StringComparer.Ordinal);
        return Measure(predictions, perLanguage);
    }

    private static ClassificationReport Measure(
        IReadOnlyList<(LabelledText Example, DocumentCategory Predicted)> predictions,
        IReadOnlyDictionary<string, ClassificationReport> perLanguage)
    {
        var confusion = new Dictionary<(DocumentCategory Actual, DocumentCategory Predicted), int>();
        foreach (var (example, predicted) in predictions)
        {
            var key = (example.Category, predicted);
            confusion[key] = confusion.GetValueOrDefault(key) + 1;
        }

        var categories = predictions.Select(p => p.Example.Category).Distinct().Order().ToList();
        var perCategory = new Dictionary<DocumentCategory, CategoryScores>();
        foreach (var category in categories)
        {
            var truePositives = confusion.GetValueOrDefault((category, category));
            var predictedCount = confusion.Where(c => c.Key.Predicted == category).Sum(c => c.Value);
            var actualCount = confusion.Where(c => c.Key.Actual == category).Sum(c => c.Value);
            var precision = predictedCount == 0 ? 0 : (double)truePositives / predictedCount;
            var recall = actualCount == 0 ? 0 : (double)truePositives / actualCount;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perCategory[category] = new CategoryScores(precision, recall, f1, actualCount);
        }

        var correct = predictions.Count(p => p.Example.Category == p.Predicted);
        return new ClassificationReport(
            predictions.Count,
            predictions.Count == 0 ? 0 : (double)correct / predictions.Count,
            perCategory.Count == 0 ? 0 : perCategory.Values.Average(s => s.F1),
            perCategory,
            confusion,
            predictions.Count(p => p.Predicted == DocumentCategory.Unclassified),
            perLanguage);
    }
}

/// <summary>Scores of one category.</summary>
/// <param name="Precision">Share of the items predicted as this category that really are.</param>
/// <param name="Recall">Share of the items of this category that were found.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Items of this category in the evaluation set.</param>
public sealed record CategoryScores(double Precision, double Recall, double F1, int Support);

/// <summary>The result of an evaluation.</summary>
/// <param name="Count">Examples evaluated.</param>
/// <param name="Accuracy">Share predicted correctly.</param>
/// <param name="MacroF1">Mean F1 over the categories present in the examples.</param>
/// <param name="PerCategory">Scores per actual category.</param>
/// <param name="Confusion">Counts per (actual, predicted) pair; missing pairs are zero.</param>
/// <param name="Abstentions">Examples the classifier left unclassified.</param>
/// <param name="PerLanguage">The same measures per language (empty inside a per-language report).</param>
public sealed record ClassificationReport(
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyDictionary<DocumentCategory, CategoryScores> PerCategory,
    IReadOnlyDictionary<(DocumentCategory Actual, DocumentCategory Predicted), int> Confusion,
    int Abstentions,
    IReadOnlyDictionary<string, ClassificationReport> PerLanguage)
{
    /// <summary>How often <paramref name="actual"/> was predicted as <paramref name="predicted"/>.</summary>
    public int ConfusionCount(DocumentCategory actual, DocumentCategory predicted) => Confusion.GetValueOrDefault((actual, predicted));
}
