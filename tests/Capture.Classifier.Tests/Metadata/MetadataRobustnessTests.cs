using Capture.Classifier.Classification;
using Capture.Classifier.Metadata;
using Capture.Testing;

namespace Capture.Classifier.Tests.Metadata;

/// <summary>Extraction runs on every captured item: whatever the text, it answers instead of throwing.</summary>
public sealed class MetadataRobustnessTests
{
    [Fact]
    public void Extract_EveryTrainingSample_AnswersWithoutThrowing()
    {
        var extractor = new MetadataExtractor();
        var samples = TrainingSet.LoadFolder(Path.Combine(RepositoryRoot.Samples, "training")).All;

        var failures = samples
            .Select(sample => (sample, error: Record.Exception(() => extractor.Extract(sample.Text, null, null, sample.Language))))
            .Where(result => result.error is not null)
            .Select(result => $"{result.sample.Language}: {result.error!.GetType().Name} on \"{result.sample.Text[..Math.Min(60, result.sample.Text.Length)]}…\"")
            .ToList();

        Assert.True(samples.Count >= 1_350, $"only {samples.Count} samples were found");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("Jan Kowalski")]
    [InlineData("Jan Kowalski\n")]
    [InlineData("Jan Kowalski\nul. Długa 5")]
    [InlineData("Jan Kowalski\nul. Długa 5\n00-950 Warszawa")]
    [InlineData("\n\nKovács Péter\n1052 Budapest")]
    public void Extract_ShortLetterheadsThatEndEarly_AnswersWithoutThrowing(string text)
    {
        var extracted = new MetadataExtractor().Extract(text, null, null, "pl");

        Assert.NotNull(extracted.Contact);
    }
}
