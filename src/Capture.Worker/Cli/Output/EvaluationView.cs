using Capture.Classifier.Classification;
using Capture.Worker.Pipeline;

namespace Capture.Worker.Cli.Output;

/// <summary>The JSON shape of <c>capture eval --json</c>: the overall report and one per language.</summary>
internal sealed record EvaluationView(
    string Folder,
    int Count,
    double Accuracy,
    double MacroF1,
    int Abstentions,
    IReadOnlyDictionary<string, CategoryScoresView> Categories,
    IReadOnlyList<ConfusionView> Confusion,
    IReadOnlyDictionary<string, EvaluationView> Languages)
{
    public static EvaluationView From(string folder, ClassificationReport report) => new(
        folder,
        report.Count,
        Math.Round(report.Accuracy, 4),
        Math.Round(report.MacroF1, 4),
        report.Abstentions,
        report.PerCategory.OrderBy(c => c.Key).ToDictionary(
            c => ArchiveVocabulary.Word(c.Key),
            c => new CategoryScoresView(Math.Round(c.Value.Precision, 4), Math.Round(c.Value.Recall, 4), Math.Round(c.Value.F1, 4), c.Value.Support)),
        [.. report.Confusion.OrderBy(c => c.Key.Actual).ThenBy(c => c.Key.Predicted)
            .Select(c => new ConfusionView(ArchiveVocabulary.Word(c.Key.Actual), ArchiveVocabulary.Word(c.Key.Predicted), c.Value))],
        report.PerLanguage.ToDictionary(l => l.Key, l => From(folder, l.Value), StringComparer.Ordinal));
}

internal sealed record CategoryScoresView(double Precision, double Recall, double F1, int Support);

internal sealed record ConfusionView(string Actual, string Predicted, int Count);
