using Capture.Classifier.Classification;
using Capture.Testing;

namespace Capture.Classifier.Tests.Classification;

[Collection(SharedTrainedModel.Name)]
public sealed class CategoryClassifierTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Train_OnSamples_TakesUnderAMinuteAndPicksTheBestCrossValidatedCandidate()
    {
        var lines = fixture.Trained.CrossValidation.Select(s => $"CV macro-F1 {s.Name}: {s.MacroF1:F3}");
        Write(string.Join(Environment.NewLine, lines) + $"{Environment.NewLine}chosen {fixture.Trained.PipelineName}, trained in {fixture.Trained.Duration.TotalSeconds:F1} s wall, {fixture.TrainingProcessorTime.TotalSeconds:F1} s CPU");

        // Processor time, not wall time: on a shared machine other people's builds stretch the wall clock, not the work.
        Assert.True(fixture.TrainingProcessorTime < TimeSpan.FromMinutes(1), $"training took {fixture.TrainingProcessorTime.TotalSeconds:F1} s of CPU time");
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
    public void Load_FileOfAnotherFormat_ThrowsInvalidOperation()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("old-model.zip");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);

        Assert.Throws<InvalidOperationException>(() => CategoryClassifier.Load(path));
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
}
