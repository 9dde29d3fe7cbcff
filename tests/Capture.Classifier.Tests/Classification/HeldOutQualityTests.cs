using System.Globalization;
using System.Text;
using Capture.Classifier.Classification;

namespace Capture.Classifier.Tests.Classification;

/// <summary>The quality goals of the category model, measured on the fixed held-out split it never trained on.</summary>
[Collection(SharedTrainedModel.Name)]
public sealed class HeldOutQualityTests(TrainedModelFixture fixture)
{
    [Fact]
    public void TopCategory_OnHeldOut_ReachesMacroF1Of095OverallAnd090InEveryLanguage()
    {
        using var topCategory = new CategoryClassifier(fixture.Trained, new ClassifierOptions { MinimumConfidence = 0 });

        var report = ClassificationEvaluator.Evaluate(topCategory, fixture.Samples.HeldOut);

        Write(Describe("held-out, top category", report));
        Assert.Equal(0, report.Abstentions);
        Assert.True(report.MacroF1 >= 0.95, $"macro-F1 {report.MacroF1:F4}");
        Assert.Equal(["en", "hu", "pl"], report.PerLanguage.Keys);
        Assert.All(report.PerLanguage, l => Assert.True(l.Value.MacroF1 >= 0.90, $"{l.Key} macro-F1 {l.Value.MacroF1:F4}"));
    }

    [Fact]
    public void DefaultThreshold_OnHeldOut_KeepsPrecisionOfAnsweredItemsAtLeast097WhileAnsweringMostOfThem()
    {
        Assert.Equal(new ClassifierOptions().MinimumConfidence, fixture.Classifier.MinimumConfidence);

        var predictions = fixture.Samples.HeldOut.Select(e => (Example: e, Predicted: fixture.Classifier.Classify(e.Text).Category)).ToList();
        var answered = predictions.Where(p => p.Predicted != DocumentCategory.Unclassified).ToList();
        var precision = (double)answered.Count(p => p.Predicted == p.Example.Category) / answered.Count;
        var abstentionRate = 1 - ((double)answered.Count / predictions.Count);

        Write(Describe($"held-out, threshold {fixture.Classifier.MinimumConfidence}", ClassificationEvaluator.Evaluate(predictions)));
        Write(string.Create(CultureInfo.InvariantCulture, $"answered {answered.Count} of {predictions.Count} (abstention rate {abstentionRate:P1}), precision of answered {precision:F4}"));
        Assert.True(precision >= 0.97, $"precision of non-abstained predictions {precision:F4}");
        // Abstaining on everything would be precise too: triage must stay the exception.
        Assert.True(abstentionRate <= 0.15, $"abstention rate {abstentionRate:P1}");
    }

    [Fact]
    public void DefaultThreshold_OnHeldOut_FindsMostOfEveryCategory()
    {
        var report = ClassificationEvaluator.Evaluate(fixture.Classifier, fixture.Samples.HeldOut);

        Assert.Equal(3, report.PerCategory.Count);
        Assert.All(report.PerCategory, c => Assert.True(c.Value.Recall > 0.8, $"{c.Key} recall {c.Value.Recall:F2}"));
    }

    private static void Write(string text) => TestContext.Current.TestOutputHelper?.WriteLine(text);

    private static string Describe(string title, ClassificationReport report)
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{title}: n={report.Count} accuracy={report.Accuracy:F3} macro-F1={report.MacroF1:F4} abstentions={report.Abstentions}");
        foreach (var (category, scores) in report.PerCategory)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"  {category}: P={scores.Precision:F3} R={scores.Recall:F3} F1={scores.F1:F3} n={scores.Support}");
        }

        foreach (var (language, languageReport) in report.PerLanguage)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"  [{language}] n={languageReport.Count} accuracy={languageReport.Accuracy:F3} macro-F1={languageReport.MacroF1:F4}");
        }

        var categories = Enum.GetValues<DocumentCategory>();
        foreach (var actual in categories.Skip(1))
        {
            var row = string.Join(" ", categories.Select(p => $"{p}:{report.ConfusionCount(actual, p)}"));
            builder.AppendLine(CultureInfo.InvariantCulture, $"  {actual,-10} -> {row}");
        }

        return builder.ToString();
    }
}
