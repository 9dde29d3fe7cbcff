using Capture.Classifier.Classification;

namespace Capture.Classifier.Tests.Classification;

public sealed class TextFeaturizerTests
{
    private static readonly FeatureSettings Words = new("words", WordBigrams: false, DiacriticWords: false, Stems: false, MinCharacterGram: 0, MaxCharacterGram: 0);
    private static readonly FeatureSettings Everything = new("all", WordBigrams: true, DiacriticWords: true, Stems: true, MinCharacterGram: 3, MaxCharacterGram: 5);

    [Theory]
    [InlineData("Dziękuję bardzo za pomoc", "DZIEKUJE bardzo za pomoc")]
    [InlineData("Köszönöm szépen", "koszonom szepen")]
    [InlineData("Zgłaszam reklamację pralki", "Zg1aszam rek1amacje pra1ki")]
    [InlineData("Order 12345 arrived broken", "Order X7729B arrived broken")]
    [InlineData("The  kettle,\nleaks.", "the kettle leaks")]
    public void Featurize_CaseDiacriticsOcrDigitsNumbersAndPunctuation_DoNotChangeTheWords(string original, string variant)
    {
        var expected = TextFeaturizer.Featurize(original, Words);
        var actual = TextFeaturizer.Featurize(variant, Words);

        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Values, actual.Values);
    }

    [Fact]
    public void Featurize_QuestionAndExclamationMarks_AreFeatures()
    {
        Assert.NotEqual(TextFeaturizer.Featurize("could you add a filter", Words).Indices, TextFeaturizer.Featurize("could you add a filter?", Words).Indices);
        Assert.NotEqual(TextFeaturizer.Featurize("thank you", Words).Indices, TextFeaturizer.Featurize("thank you!", Words).Indices);
    }

    [Fact]
    public void Featurize_WordsWithDiacritics_AddTheWordAsWritten()
    {
        var folded = TextFeaturizer.Featurize("dziekuje", Everything with { MinCharacterGram = 0, MaxCharacterGram = 0 });
        var written = TextFeaturizer.Featurize("dziękuję", Everything with { MinCharacterGram = 0, MaxCharacterGram = 0 });

        Assert.Equal(folded.Indices.Length + 1, written.Indices.Length);
    }

    [Fact]
    public void Featurize_ReadsOnlyTheFirstMaxCharacters()
    {
        var start = string.Concat(Enumerable.Repeat("The parcel arrived damaged and late. ", 100));
        var settings = Everything with { MaxCharacters = start.Length };

        var alone = TextFeaturizer.Featurize(start, settings);
        var withTail = TextFeaturizer.Featurize(start + "Thank you so much, wonderful, I propose a new idea!", settings);

        Assert.Equal(alone.Indices, withTail.Indices);
        Assert.Equal(alone.Values, withTail.Values);
    }

    [Fact]
    public void Featurize_GivesAscendingDistinctSlotsAndUnitNormPerGroup()
    {
        var words = TextFeaturizer.Featurize("Thank you, thank you very much for the quick repair of my washing machine!", Words);
        var everything = TextFeaturizer.Featurize("Thank you, thank you very much for the quick repair of my washing machine!", Everything);

        Assert.Equal(1.0, words.Values.Sum(v => (double)v * v), 5);
        Assert.True(words.Indices.Zip(words.Indices.Skip(1)).All(p => p.First < p.Second));
        Assert.True(everything.Indices.Zip(everything.Indices.Skip(1)).All(p => p.First < p.Second));
        Assert.All(everything.Indices, i => Assert.InRange(i, 0, FeatureSettings.Dimension - 1));
        Assert.True(everything.Indices.Length > 5 * words.Indices.Length);
    }

    [Fact]
    public void Featurize_RepeatedWord_CountsSubLinearly()
    {
        var once = TextFeaturizer.Featurize("thanks great", Words);
        var thrice = TextFeaturizer.Featurize("thanks thanks thanks great", Words);

        // log(1+3)/log(1+1) = 2: three times as often weighs twice as much.
        var ratio = thrice.Values.Max() / thrice.Values.Min();
        Assert.Equal(2.0, ratio, 4);
        Assert.Equal(once.Indices, thrice.Indices);
    }

    [Fact]
    public void Featurize_HashesAWordToTheSameSlotInEveryProcess()
    {
        // A saved model is read by later processes: the slots must not depend on per-process string hashing.
        Assert.Equal([ExpectedThanksSlot], TextFeaturizer.Featurize("thanks", Words).Indices);
    }

    private const int ExpectedThanksSlot = 198085;
}
