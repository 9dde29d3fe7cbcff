using System.Globalization;
using System.Text;
using Capture.Classifier.Classification;
using Capture.Testing;

namespace Capture.Classifier.Tests.Classification;

public sealed class CategoryClassifierTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Train_OnTrainingSplit_ReachesMacroF1OfAtLeast080OnHeldOut()
    {
        using var topCategory = new CategoryClassifier(fixture.Trained, new ClassifierOptions { MinimumConfidence = 0 });

        var report = ClassificationEvaluator.Evaluate(topCategory, fixture.Samples.HeldOut);

        Write(Describe("held-out, top category", report));
        Assert.True(report.MacroF1 >= 0.80, $"macro-F1 {report.MacroF1:F3}");
        Assert.All(report.PerCategory, c => Assert.True(c.Value.Recall > 0.6, $"{c.Key} recall {c.Value.Recall:F2}"));
    }

    [Fact]
    public void Train_OnTrainingSplit_DoesNotCollapseIntoOneCategoryAtDefaultThreshold()
    {
        var report = ClassificationEvaluator.Evaluate(fixture.Classifier, fixture.Samples.HeldOut);

        Write(Describe($"held-out, threshold {fixture.Classifier.MinimumConfidence}", report));
        Assert.All(report.PerCategory, c => Assert.True(c.Value.Recall > 0.6, $"{c.Key} recall {c.Value.Recall:F2}"));
        Assert.True(report.MacroF1 >= 0.70, $"macro-F1 {report.MacroF1:F3}");
    }

    [Fact]
    public void Train_OnSamples_TakesWellUnderAMinuteAndScoresEveryCandidate()
    {
        var lines = fixture.Trained.CrossValidation.Select(s => $"CV macro-F1 {s.Name}: {s.MacroF1:F3}");
        Write(string.Join(Environment.NewLine, lines) + $"{Environment.NewLine}chosen {fixture.Trained.PipelineName}, trained in {fixture.Trained.Duration.TotalSeconds:F1} s");

        Assert.True(fixture.Trained.Duration < TimeSpan.FromSeconds(45), $"training took {fixture.Trained.Duration}");
        Assert.Equal(CategoryModelTrainer.CandidateNames, fixture.Trained.CrossValidation.Select(s => s.Name));
        Assert.Equal(fixture.Trained.CrossValidation.Max(s => s.MacroF1), fixture.Trained.CrossValidation.Single(s => s.Name == fixture.Trained.PipelineName).MacroF1);
    }

    [Fact]
    public void SaveAndLoad_RoundTrip_GivesIdenticalPredictions()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("category-model.zip");

        fixture.Classifier.Save(path);
        using var loaded = CategoryClassifier.Load(path);

        foreach (var example in fixture.Samples.HeldOut)
        {
            var original = fixture.Classifier.Classify(example.Text);
            var reloaded = loaded.Classify(example.Text);
            Assert.Equal(original.Category, reloaded.Category);
            Assert.Equal(original.Confidence, reloaded.Confidence, 6);
            Assert.Equal(original.Scores.OrderBy(s => s.Key), reloaded.Scores.OrderBy(s => s.Key));
        }
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        using var temp = new TempDirectory();

        Assert.Throws<FileNotFoundException>(() => CategoryClassifier.Load(temp.Combine("none.zip")));
    }

    [Fact]
    public void Classify_BelowThreshold_AbstainsButReportsTheRealConfidence()
    {
        const string text = "The kettle I bought last week leaks and the shop refuses to take it back.";
        var normal = fixture.Classifier.Classify(text);
        using var strict = new CategoryClassifier(fixture.Trained, new ClassifierOptions { MinimumConfidence = Math.Min(1.0, normal.Confidence + 0.01) });

        var abstained = strict.Classify(text);

        Assert.Equal(DocumentCategory.Unclassified, abstained.Category);
        Assert.Equal(normal.Confidence, abstained.Confidence, 9);
        Assert.Equal(DocumentCategory.Complaint, normal.Category);
        Assert.Equal(normal.Scores.Values.Max(), abstained.Confidence, 9);
    }

    [Fact]
    public void Classify_Scores_AreProbabilitiesOverTheThreeCategories()
    {
        var prediction = fixture.Classifier.Classify("Dziękuję za szybką naprawę pralki!");

        Assert.Equal([DocumentCategory.Complaint, DocumentCategory.Suggestion, DocumentCategory.Thanks], prediction.Scores.Keys.Order());
        Assert.Equal(1.0, prediction.Scores.Values.Sum(), 6);
        Assert.Equal(DocumentCategory.Thanks, prediction.Category);
    }

    [Theory]
    [InlineData("Köszönöm, hogy ilyen gyorsan kicserélték a hibás porszívót.", DocumentCategory.Thanks)]
    [InlineData("Kérem a pénzem visszafizetését, a csomag sérülten érkezett és senki nem válaszol.", DocumentCategory.Complaint)]
    [InlineData("Proponuję dodać w aplikacji możliwość wyboru godziny dostawy.", DocumentCategory.Suggestion)]
    [InlineData("It would be great if the app showed the delivery time window.", DocumentCategory.Suggestion)]
    public void Classify_UnseenMessages_PredictsTheirIntent(string text, DocumentCategory expected)
    {
        using var topCategory = new CategoryClassifier(fixture.Trained, new ClassifierOptions { MinimumConfidence = 0 });

        Assert.Equal(expected, topCategory.Classify(text).Category);
    }

    [Fact]
    public async Task Classify_FromManyThreads_GivesTheSameResultsAsSequentially()
    {
        var texts = fixture.Samples.HeldOut.Select(e => e.Text).ToList();
        var sequential = texts.Select(t => fixture.Classifier.Classify(t).Confidence).ToList();

        var parallel = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => texts.Select(t => fixture.Classifier.Classify(t).Confidence).ToList(), TestContext.Current.CancellationToken)));

        Assert.All(parallel, run => Assert.Equal(sequential, run));
    }

    private static void Write(string text) => TestContext.Current.TestOutputHelper?.WriteLine(text);

    private static string Describe(string title, ClassificationReport report)
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{title}: n={report.Count} accuracy={report.Accuracy:F3} macro-F1={report.MacroF1:F3} abstentions={report.Abstentions}");
        foreach (var (category, scores) in report.PerCategory)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"  {category}: P={scores.Precision:F2} R={scores.Recall:F2} F1={scores.F1:F2} n={scores.Support}");
        }

        foreach (var (language, languageReport) in report.PerLanguage)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"  [{language}] accuracy={languageReport.Accuracy:F3} macro-F1={languageReport.MacroF1:F3}");
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
