namespace Capture.Classifier.Classification;

/// <summary>The kinds of item Capture files. <see cref="Unclassified"/> means the model abstained.</summary>
public enum DocumentCategory
{
    Unclassified,
    Complaint,
    Suggestion,
    Thanks,
}

/// <summary>A category with the model's confidence in it.</summary>
/// <param name="Category">The predicted category, or <see cref="DocumentCategory.Unclassified"/> below the confidence threshold.</param>
/// <param name="Confidence">Probability (0..1) of the best category, whether or not the model abstained.</param>
/// <param name="Scores">Probability per category.</param>
public sealed record CategoryPrediction(
    DocumentCategory Category,
    double Confidence,
    IReadOnlyDictionary<DocumentCategory, double> Scores);

/// <summary>One labelled training or evaluation example.</summary>
public sealed record LabelledText(string Text, DocumentCategory Category, string Language);
