using Archive.Store.Reports;

namespace Archive.Store.Tests;

/// <summary>The words of ordinary letters against which complaints' product words are measured.</summary>
public sealed class LetterVocabularyTests
{
    private static readonly LetterVocabulary Letters = LetterVocabulary.FromLetters(
    [
        .. Enumerable.Range(0, 98).Select(_ => ("en", "We received the parcel within two weeks.")),
        ("en", "The kettle arrived within two weeks."),
        ("en", "Nice router."),
        .. Enumerable.Range(0, 50).Select(_ => ("pl", "Paczka przyszła w ciągu dwóch tygodni.")),
    ]);

    [Fact]
    public void AWordTwoPercentOfALanguagesLettersUse_IsEveryday()
    {
        Assert.True(Letters.IsEveryday("within", ["en"]));
        Assert.False(Letters.IsEveryday("kettle", ["en"]));
        Assert.False(Letters.IsEveryday("within", ["pl"]));
    }

    [Fact]
    public void AWordStandsOut_WhenComplaintsNameItThreeTimesAsOftenAsLetters()
    {
        // "kettle": 1 of 100 letters, smoothed (1 + 1) / (100 + 2) ≈ 2 %; three times that is about 5.9 %.
        Assert.True(Letters.StandsOut("kettle", ["en"], complaintShare: 0.06));
        Assert.False(Letters.StandsOut("kettle", ["en"], complaintShare: 0.05));
        Assert.False(Letters.StandsOut("within", ["en"], complaintShare: 0.9));
    }

    [Fact]
    public void ALanguageWithoutLetters_IsMeasuredAgainstAllLanguages()
    {
        Assert.False(Letters.StandsOut("within", ["hu"], complaintShare: 0.9));
        Assert.True(Letters.StandsOut("toaster", [], complaintShare: 0.5));
    }

    [Fact]
    public void TheEmptyVocabulary_LetsEveryWordStandOut()
    {
        Assert.Equal(0, LetterVocabulary.Empty.Letters);
        Assert.True(LetterVocabulary.Empty.StandsOut("within", ["en"], complaintShare: 0.01));
    }
}
