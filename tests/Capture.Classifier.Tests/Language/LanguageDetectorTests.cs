using Capture.Classifier.Classification;
using Capture.Classifier.Language;
using Capture.Testing;

namespace Capture.Classifier.Tests.Language;

public sealed class LanguageDetectorTests
{
    private readonly LanguageDetector _detector = new();

    private static TrainingSet Samples => TrainingSet.LoadFolder(Path.Combine(RepositoryRoot.Samples, "training"));

    [Fact]
    public void Detect_HeldOutTrainingFiles_IsAtLeast95PercentAccurate()
    {
        var accuracy = Accuracy(Samples.HeldOut, text => text);

        TestContext.Current.TestOutputHelper?.WriteLine($"Language accuracy on held-out files: {accuracy:P1}");
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1}");
    }

    [Fact]
    public void Detect_HeldOutTrainingFilesWithoutDiacritics_IsAtLeast95PercentAccurate()
    {
        var accuracy = Accuracy(Samples.HeldOut, TextFolding.FoldDiacritics);

        TestContext.Current.TestOutputHelper?.WriteLine($"Language accuracy on diacritic-free held-out files: {accuracy:P1}");
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1}");
    }

    [Fact]
    public void Detect_AllTrainingFilesWithoutDiacritics_IsAtLeast95PercentAccurate()
    {
        var accuracy = Accuracy(Samples.All, TextFolding.FoldDiacritics);

        TestContext.Current.TestOutputHelper?.WriteLine($"Language accuracy on all diacritic-free files: {accuracy:P1}");
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P1}");
    }

    [Theory]
    [InlineData("Dziękuję bardzo za pomoc.", "pl")]
    [InlineData("Dziekuje bardzo za pomoc.", "pl")]
    [InlineData("Zg1aszam rek1amacje pra1ki", "pl")]
    [InlineData("Köszönöm szépen a segítséget!", "hu")]
    [InlineData("Koszonom szepen a segitseget!", "hu")]
    [InlineData("Kerem a szamla javitasat", "hu")]
    [InlineData("Thank you for your help.", "en")]
    [InlineData("The parcel never arrived", "en")]
    [InlineData("Tbe rnachine you sent me is broken", "en")]
    public void Detect_ShortOrNoisyText_ReturnsItsLanguage(string text, string expected)
    {
        var guess = _detector.Detect(text);

        Assert.Equal(expected, guess.Language);
        Assert.InRange(guess.Confidence, 0.34, 1.0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("12345 / 2026-11-12")]
    public void Detect_TextWithoutWords_ReturnsEnglishWithZeroConfidence(string text)
    {
        var guess = _detector.Detect(text);

        Assert.Equal(new LanguageGuess("en", 0), guess);
    }

    [Fact]
    public void Detect_LongerText_IsMoreConfidentThanAFragment()
    {
        var fragment = _detector.Detect("nie działa");
        var sentence = _detector.Detect("Pralka nie działa od tygodnia i nikt nie odpowiada na moje maile, proszę o pilny kontakt.");

        Assert.Equal("pl", fragment.Language);
        Assert.Equal("pl", sentence.Language);
        Assert.True(sentence.Confidence > fragment.Confidence);
    }

    [Fact]
    public void Detect_SameText_GivesSameResult()
    {
        const string text = "Szeretném megköszönni a gyors javítást.";

        Assert.Equal(_detector.Detect(text), _detector.Detect(text));
    }

    private double Accuracy(IReadOnlyList<LabelledText> examples, Func<string, string> variant)
    {
        var wrong = examples.Where(e => _detector.Detect(variant(e.Text)).Language != e.Language).ToList();
        foreach (var miss in wrong)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Missed ({miss.Language}): {miss.Text[..Math.Min(60, miss.Text.Length)]}");
        }

        return 1.0 - ((double)wrong.Count / examples.Count);
    }
}
