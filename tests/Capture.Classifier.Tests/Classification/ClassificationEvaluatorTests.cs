using Capture.Classifier.Classification;

namespace Capture.Classifier.Tests.Classification;

public sealed class ClassificationEvaluatorTests
{
    private static (LabelledText, DocumentCategory) P(DocumentCategory actual, DocumentCategory predicted, string language = "pl") =>
        (new LabelledText("text", actual, language), predicted);

    [Fact]
    public void Evaluate_CountsPrecisionRecallAndF1PerCategory()
    {
        const DocumentCategory c = DocumentCategory.Complaint, s = DocumentCategory.Suggestion, t = DocumentCategory.Thanks;
        // Complaints: 3 right, 1 taken for thanks. Suggestions: 1 right, 1 taken for a complaint. Thanks: 2 right.
        var report = ClassificationEvaluator.Evaluate([P(c, c), P(c, c), P(c, c), P(c, t), P(s, s), P(s, c), P(t, t), P(t, t)]);

        Assert.Equal(8, report.Count);
        Assert.Equal(6.0 / 8, report.Accuracy, 9);
        Assert.Equal(new CategoryScores(3.0 / 4, 3.0 / 4, 3.0 / 4, 4), report.PerCategory[c]);
        Assert.Equal(1.0, report.PerCategory[s].Precision, 9);
        Assert.Equal(0.5, report.PerCategory[s].Recall, 9);
        Assert.Equal(2.0 / 3, report.PerCategory[t].Precision, 9);
        Assert.Equal(1.0, report.PerCategory[t].Recall, 9);
        Assert.Equal((0.75 + (2.0 / 3) + 0.8) / 3, report.MacroF1, 9);
        Assert.Equal(1, report.ConfusionCount(c, t));
        Assert.Equal(0, report.ConfusionCount(t, c));
    }

    [Fact]
    public void Evaluate_Abstentions_LowerRecallButNotPrecision()
    {
        const DocumentCategory c = DocumentCategory.Complaint;
        var report = ClassificationEvaluator.Evaluate([P(c, c), P(c, DocumentCategory.Unclassified)]);

        Assert.Equal(1, report.Abstentions);
        Assert.Equal(1.0, report.PerCategory[c].Precision, 9);
        Assert.Equal(0.5, report.PerCategory[c].Recall, 9);
        Assert.False(report.PerCategory.ContainsKey(DocumentCategory.Unclassified));
    }

    [Fact]
    public void Evaluate_SplitsTheSameMeasuresByLanguage()
    {
        const DocumentCategory c = DocumentCategory.Complaint, t = DocumentCategory.Thanks;
        var report = ClassificationEvaluator.Evaluate([P(c, c, "pl"), P(t, t, "pl"), P(c, t, "hu"), P(t, t, "hu")]);

        Assert.Equal(["hu", "pl"], report.PerLanguage.Keys);
        Assert.Equal(1.0, report.PerLanguage["pl"].Accuracy, 9);
        Assert.Equal(0.5, report.PerLanguage["hu"].Accuracy, 9);
        Assert.Equal(0.0, report.PerLanguage["hu"].PerCategory[c].Recall, 9);
        Assert.Empty(report.PerLanguage["hu"].PerLanguage);
    }
}
