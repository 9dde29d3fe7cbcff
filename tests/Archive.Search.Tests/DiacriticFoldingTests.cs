using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

public sealed class DiacriticFoldingTests : IDisposable
{
    private readonly TestIndex index = new();

    [Theory]
    [InlineData("Klient z Łodzi pisze z Łódź.", "Lodz")]
    [InlineData("Paczka miała żółty kolor.", "zolty")]
    [InlineData("Kovács úr levele.", "Kovacs")]
    [InlineData("Árvíztűrő tükörfúrógép elromlott.", "arvizturo")]
    public void AsciiQuery_FindsTextWithDiacritics(string text, string query)
    {
        index.Add(Letter("C-2026-000001", text), Letter("C-2026-000002", "Unrelated letter."));

        Assert.Equal(["C-2026-000001"], index.Cases(query));
    }

    [Theory]
    [InlineData("Sent from lodz yesterday.", "Łódź")]
    [InlineData("The box was zolty.", "żółty")]
    public void DiacriticQuery_FindsTextWithoutThem(string text, string query)
    {
        index.Add(Letter("C-2026-000001", text), Letter("C-2026-000002", "Unrelated letter."));

        Assert.Equal(["C-2026-000001"], index.Cases(query));
    }

    [Fact]
    public void ExactDiacritics_RankAboveFoldedMatch()
    {
        index.Add(
            Letter("C-2026-000001", "Sklep w Lodz, ulica Piotrkowska."),
            Letter("C-2026-000002", "Sklep w Łódź, ulica Piotrkowska."));

        Assert.Equal(["C-2026-000002", "C-2026-000001"], index.Cases("Łódź"));
        Assert.Equal(["C-2026-000001", "C-2026-000002"], index.Cases("Lodz"));
    }

    [Theory]
    [InlineData("\"reklamację dotyczącą czajnika\"")]
    [InlineData("\"reklamacje dotyczaca czajnika\"")]
    public void QuotedPhrase_TypedWithOrWithoutDiacritics_FindsBothSpellings_InOrderOnly(string query)
    {
        index.Add(
            Letter("C-2026-000001", "Składam reklamację dotyczącą czajnika z Łodzi."),
            Letter("C-2026-000002", "Skladam reklamacje dotyczaca czajnika z Lodzi."),
            Letter("C-2026-000003", "Czajnika dotyczącą reklamację składam."));

        Assert.Equal(["C-2026-000001", "C-2026-000002"], index.CaseSet(query));
    }

    public void Dispose() => index.Dispose();
}
