namespace Capture.Classifier.Tests.Accuracy;

public sealed class CharacterErrorRateTests
{
    [Fact]
    public void Of_IdenticalText_IsZero() =>
        Assert.Equal(0, CharacterErrorRate.Of("Zażółć gęślą jaźń", "Zażółć gęślą jaźń"));

    [Fact]
    public void Of_OneSubstitution_IsOnePerGroundTruthLength() =>
        Assert.Equal(1.0 / 5, CharacterErrorRate.Of("Łódź!", "Lódź!"), 10);

    [Fact]
    public void Of_InsertionAndDeletion_CountOneEach()
    {
        Assert.Equal(1.0 / 4, CharacterErrorRate.Of("Győr", "Győ r"), 10);
        Assert.Equal(1.0 / 4, CharacterErrorRate.Of("Győr", "Gyr"), 10);
        Assert.Equal(4.0 / 3, CharacterErrorRate.Of("kot", "pies"), 10);
    }

    [Fact]
    public void Of_InventedText_CanExceedOne() =>
        Assert.Equal(8.0 / 2, CharacterErrorRate.Of("ok", "ok, a więc"), 10);

    [Fact]
    public void Of_EmptyRecognition_IsOne() =>
        Assert.Equal(1, CharacterErrorRate.Of("Szőke Ildikó", "  \n"));

    [Fact]
    public void Of_LineBreaksAndSpaceRuns_AreOneSpace() =>
        Assert.Equal(0, CharacterErrorRate.Of("ul. Łąkowa 3,\n90-562 Łódź", "  ul.  Łąkowa 3,\r\n\n\t90-562 Łódź \n"));

    [Fact]
    public void Of_DecomposedDiacritics_EqualComposedOnes()
    {
        // "ő" as o + combining double acute (U+030B) and "ę" as e + combining ogonek (U+0328).
        const string decomposed = "Go\u030Bz ge\u0328\u015B";
        Assert.Equal(0, CharacterErrorRate.Of("Gőz gęś", decomposed));
    }

    [Fact]
    public void Of_MissingDiacriticOrCase_IsAnError()
    {
        Assert.Equal(1.0 / 6, CharacterErrorRate.Of("Petőfi", "Petofi"), 10);
        Assert.Equal(1.0 / 6, CharacterErrorRate.Of("Petőfi", "petőfi"), 10);
    }

    [Fact]
    public void Of_EmptyGroundTruth_Throws() =>
        Assert.Throws<ArgumentException>(() => CharacterErrorRate.Of(" \n ", "tekst"));

    [Fact]
    public void Normalize_CollapsesWhiteSpaceAndTrims() =>
        Assert.Equal("a b c", CharacterErrorRate.Normalize("\n a \t\u00A0 b\r\nc  "));

    [Fact]
    public void WordErrorRate_CountsWrongWords()
    {
        Assert.Equal(0, WordErrorRate.Of("Tisztelt Ügyfélszolgálat!", "Tisztelt\n Ügyfélszolgálat!"));
        Assert.Equal(1.0 / 3, WordErrorRate.Of("Szeged, 2025. október", "Szeged, 2025. oktober"), 10);
        Assert.Equal(2.0 / 3, WordErrorRate.Of("nr ZAM-2025/10/4471 dnia", "nr ZAM-2025/ 10/4471 dnia"), 10);
        Assert.Equal(1, WordErrorRate.Of("jeden dwa", string.Empty));
    }
}
