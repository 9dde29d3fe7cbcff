using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

/// <summary>What the per-language Hunspell stems and the folded field do for ranking and highlighting.</summary>
public sealed class LanguageAnalysisTests : IDisposable
{
    private readonly TestIndex index = new();

    [Fact]
    public void WordTypedWithDiacritics_RanksTheExactSpellingFirst()
    {
        index.Add(
            Letter("C-2026-000001", "Sklep w Lodz nie odpowiada.", language: null),
            Letter("C-2026-000002", "Sklep w Łódź nie odpowiada.", language: null));

        Assert.Equal(["C-2026-000002", "C-2026-000001"], index.Cases("Łódź"));
        Assert.Equal(2, index.Search("Lodz").TotalCases);
    }

    [Fact]
    public void WordAsTyped_RanksAboveAnotherFormOfIt()
    {
        index.Add(
            Letter("C-2026-000001", "Dotyczy reklamacji z zeszłego tygodnia."),
            Letter("C-2026-000002", "Składam reklamację czajnika."));

        Assert.Equal(["C-2026-000002", "C-2026-000001"], index.Cases("reklamację"));
    }

    [Fact]
    public void Stems_ApplyOnlyInTheDocumentsLanguage()
    {
        // "panaszomat" is a Hungarian form of "panasz"; in a letter marked English it is just a word.
        index.Add(
            Letter("C-2026-000001", "A panaszomat már jeleztem.", language: "hu"),
            Letter("C-2026-000002", "The word panaszomat appears here.", language: "en"));

        Assert.Equal(["C-2026-000001"], index.Cases("panasz"));
        Assert.Equal(2, index.Search("panaszomat").TotalCases);
    }

    [Theory]
    [InlineData("megrendelés")]
    [InlineData("megrendeles")]
    public void HungarianWordHunspellKnowsOnlyInflected_FindsItsInflectedForms(string query)
    {
        // Hunspell stems "megrendelésemet" (my order, accusative) to "rendel" but knows no stem of "megrendelés" itself.
        index.Add(
            Letter("C-2026-000001", "A megrendelésemet két hete adtam le.", language: "hu"),
            Letter("C-2026-000002", "Elnézést kérek a megrendelésemmel kapcsolatos késésért.", language: "hu"),
            Letter("C-2026-000003", "A rendelés rendben megérkezett.", language: "hu"));

        Assert.Equal(["C-2026-000001", "C-2026-000002"], index.Cases(query).Order(StringComparer.Ordinal));
        Assert.Equal("A [megrendelésemet] két hete adtam le.", index.Search(query).Hits.Single(h => h.RegistrationNumber == "C-2026-000001").Snippet);
    }

    [Fact]
    public void WordADictionaryKnows_IsNotAlsoSearchedAsTheStartOfLongerWords()
    {
        index.Add(
            Letter("C-2026-000001", "Zamówienie dotarło uszkodzone.", language: "pl"),
            Letter("C-2026-000002", "Zamówieniowy system nie działa.", language: "pl"));

        Assert.Equal(["C-2026-000001"], index.Cases("zamówienie"));
    }

    [Theory]
    [InlineData("reklamacja", "pl", "Proszę o rozpatrzenie [reklamacji] jak najszybciej.")]
    [InlineData("panasz", "hu", "A [panaszomat] már korábban is jeleztem.")]
    [InlineData("complain", "en", "Many customers have [complained] about this.")]
    public void Snippet_HighlightsTheFormTheStemMatched(string query, string language, string expected)
    {
        var text = expected.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        index.Add(Letter("C-2026-000001", text, language: language));

        Assert.Equal(expected, Assert.Single(index.Search(query).Hits).Snippet);
    }

    [Fact]
    public void MissingDictionaries_LeaveSearchWorkingWithoutWordForms()
    {
        var options = new ArchiveSearchOptions
        {
            IndexDirectory = Path.Combine(index.RootPath, "plain"),
            HunspellDirectory = Path.Combine(index.RootPath, "no-dictionaries-here"),
        };
        using var plain = new ArchiveIndex(options, index.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArchiveIndex>.Instance);
        plain.Upsert(Letter("C-2026-000001", "Składam reklamację czajnika z Łodzi."));
        plain.Commit();

        Assert.Equal(1, plain.Search(new SearchRequest("reklamację")).TotalCases);
        Assert.Equal(1, plain.Search(new SearchRequest("lodzi")).TotalCases);
        Assert.Equal(0, plain.Search(new SearchRequest("reklamacja")).TotalCases);
    }

    public void Dispose() => index.Dispose();
}
