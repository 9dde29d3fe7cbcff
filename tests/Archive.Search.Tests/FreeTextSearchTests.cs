using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

public sealed class FreeTextSearchTests : IDisposable
{
    private readonly TestIndex index = new();

    public FreeTextSearchTests()
    {
        index.Add(
            Letter("C-2026-000001", "The kettle leaks water all over the counter.", language: "en"),
            Letter("C-2026-000002", "The toaster burns every slice of bread.", language: "en"),
            Letter("C-2026-000003", "Water leaks from the fridge door; the kettle is fine.", language: "en"),
            Letter("C-2026-000004", "Zamówienie przyszło uszkodzone, czajnik przecieka.", name: "Jan Kowalski"));
    }

    [Fact]
    public void Search_WordFromText_FindsItsCaseAndNotOthers()
    {
        Assert.Equal(["C-2026-000002"], index.Cases("toaster"));
    }

    [Fact]
    public void Search_SeveralWords_AllMustMatch()
    {
        Assert.Equal(["C-2026-000002"], index.Cases("toaster bread"));
        Assert.Empty(index.Cases("toaster kettle"));
    }

    [Fact]
    public void Search_Or_FindsEitherWord()
    {
        Assert.Equal(["C-2026-000001", "C-2026-000002", "C-2026-000003"], index.Cases("toaster OR kettle").Order());
    }

    [Fact]
    public void Search_Not_ExcludesCasesWithTheWord()
    {
        Assert.Equal(["C-2026-000001"], index.Cases("kettle NOT fridge"));
        Assert.Equal(["C-2026-000001"], index.Cases("kettle -fridge"));
    }

    [Fact]
    public void Search_OnlyNegatedTerm_ReturnsEveryOtherCase()
    {
        Assert.Equal(["C-2026-000002", "C-2026-000004"], index.Cases("NOT kettle").Order());
    }

    [Fact]
    public void Search_ParenthesesGroupOperators()
    {
        Assert.Equal(["C-2026-000003"], index.Cases("water AND (fridge OR toaster)"));
    }

    [Fact]
    public void Search_Phrase_MatchesWordsInThatOrderOnly()
    {
        Assert.Equal(["C-2026-000001"], index.Cases("\"kettle leaks\""));
        Assert.Equal(["C-2026-000003"], index.Cases("\"water leaks\""));
    }

    [Fact]
    public void Search_Prefix_FindsWordsStartingWithIt()
    {
        Assert.Equal(["C-2026-000004"], index.Cases("zam*"));
        Assert.Equal(["C-2026-000004"], index.Cases("Zamów*"));
    }

    [Fact]
    public void Search_Fuzzy_FindsMisspelledName()
    {
        Assert.Empty(index.Cases("Kowalsky"));
        Assert.Equal(["C-2026-000004"], index.Cases("Kowalsky~"));
        Assert.Equal(["C-2026-000002"], index.Cases("taster~1"));
    }

    [Fact]
    public void Search_StandaloneHyphenBetweenWords_IsNotNegation()
    {
        Assert.Equal(["C-2026-000001"], index.Cases("kettle - counter"));
    }

    [Fact]
    public void Search_PunctuationOnlyWord_IsIgnored()
    {
        Assert.Equal(["C-2026-000002"], index.Cases("toaster / bread"));
    }

    public void Dispose() => index.Dispose();
}
