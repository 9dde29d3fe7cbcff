using Capture.Classifier.Classification;

namespace Capture.Classifier.Tests.Classification;

[Collection(SharedTrainedModel.Name)]
public sealed class ModelPromotionTests(TrainedModelFixture fixture)
{
    // One cheap candidate and two folds keep each retraining to a few seconds.
    private static readonly ClassifierOptions Options = new() { CrossValidationFolds = 2 };
    private static readonly CandidatePipeline[] Words = [CategoryModelTrainer.DefaultCandidates[0]];

    [Fact]
    public void Compare_TheCurrentModelWithItself_IsAtLeastAsGood()
    {
        var comparison = new ModelPromotion().Compare(fixture.Trained.Model, fixture.Trained, fixture.Samples.HeldOut);

        Assert.Equal(comparison.CurrentMacroF1, comparison.CandidateMacroF1);
        Assert.True(comparison.IsAtLeastAsGood);
    }

    [Fact]
    public void TrainCandidate_FromAHandfulOfSamples_ScoresWorseAndIsNotPromoted()
    {
        var handful = fixture.Samples.Training.Where((_, i) => i % 60 == 0).ToList();
        var weakSamples = new TrainingSet(handful, fixture.Samples.HeldOut);

        var candidate = new ModelPromotion(Options, Words).TrainCandidate(weakSamples, [], fixture.Trained.Model, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"current {candidate.CurrentMacroF1:F3}, candidate from {handful.Count} examples {candidate.CandidateMacroF1:F3}");
        Assert.True(candidate.CandidateMacroF1 < candidate.CurrentMacroF1);
        Assert.False(candidate.IsAtLeastAsGood);
    }

    [Fact]
    public void TrainCandidate_CorrectionsThatRepeatHeldOutExamples_AreLeftOut()
    {
        var copied = fixture.Samples.HeldOut.Take(3).Select(e => e with { Text = "  " + e.Text + "\n" }).ToList();
        LabelledText[] fresh =
        [
            new("Dziękuję za błyskawiczną wymianę ekspresu, serwis spisał się na medal.", DocumentCategory.Thanks, "pl"),
            new("Could you add a dark mode to the customer portal? It would be easier on the eyes.", DocumentCategory.Suggestion, "en"),
        ];

        var candidate = new ModelPromotion(Options, Words).TrainCandidate(fixture.Samples, [.. copied, .. fresh], fixture.Trained.Model, TestContext.Current.CancellationToken);

        Assert.Equal(2, candidate.CorrectionsUsed);
        Assert.Equal(3, candidate.CorrectionsLeftOut);
        Assert.Equal(fixture.Samples.HeldOut.Count, candidate.Candidate.Count);
    }

    [Fact]
    public void TrainCandidate_UnclassifiedCorrection_Throws()
    {
        LabelledText[] corrections = [new("Nem tudom, mi ez.", DocumentCategory.Unclassified, "hu")];

        Assert.Throws<ArgumentException>(() => new ModelPromotion(Options, Words).TrainCandidate(fixture.Samples, corrections, fixture.Trained.Model, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Train_WithCorrections_LearnsTheCategoryPeopleChose()
    {
        // A kind of message the samples never show: praise for a "zorblax" feature, corrected to thanks five times.
        const string text = "The zorblax kiosk quorvum at the station.";
        var corrections = Enumerable.Range(1, 5)
            .Select(n => new LabelledText($"The zorblax kiosk quorvum number {n} at the station.", DocumentCategory.Thanks, "en"))
            .ToList();
        var trainer = new CategoryModelTrainer(Options, Words);

        using var without = new CategoryClassifier(trainer.Train(fixture.Samples.Training, [], TestContext.Current.CancellationToken));
        using var with = new CategoryClassifier(trainer.Train(fixture.Samples.Training, corrections, TestContext.Current.CancellationToken));

        var before = without.Classify(text).Scores[DocumentCategory.Thanks];
        var after = with.Classify(text);
        Assert.True(after.Scores[DocumentCategory.Thanks] > before, $"thanks {before:F2} → {after.Scores[DocumentCategory.Thanks]:F2}");
        Assert.Equal(DocumentCategory.Thanks, after.Category);
    }
}
