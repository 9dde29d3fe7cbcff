namespace Archive.Search.Tests;

/// <summary>Every feature of the query language, in Polish, Hungarian and English, on <see cref="TrilingualArchive"/>.</summary>
public sealed class QueryFeatureTests(TrilingualArchive archive) : IClassFixture<TrilingualArchive>
{
    [Theory]
    // Inflected forms find each other through the language's Hunspell stems.
    [InlineData("reklamacja", "101 102 103")]
    [InlineData("reklamacji", "101 102 103")]
    [InlineData("czajnik", "101 103")]
    [InlineData("panasz", "201 202")]
    [InlineData("számla", "201")]
    [InlineData("complaint", "301 302")]
    [InlineData("complaints", "301 302")]
    [InlineData("order", "301")]
    // Diacritics may be left out, in words and in stems.
    [InlineData("Lodz", "101")]
    [InlineData("dziekuje", "103")]
    [InlineData("szamla", "201")]
    [InlineData("koszonom", "203")]
    public void FreeWords_FindEveryFormOfTheWord(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    [InlineData("\"zwrot pieniędzy\"", "101")]
    [InlineData("\"zwrot pieniedzy\"", "101")]
    [InlineData("\"gyors segítséget\"", "203")]
    [InlineData("\"new kettle\"", "303")]
    [InlineData("\"kettle new\"", "")]
    public void QuotedPhrases_MatchWordsInOrder(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    [InlineData("czajnik AND dziękuję", "103")]
    [InlineData("czajnik NOT dziękuję", "101")]
    [InlineData("panasz OR köszönöm", "201 202 203")]
    [InlineData("kettle -broken", "303")]
    [InlineData("(complaint OR thank) AND lang:en", "301 302 303")]
    public void BooleanOperators_CombineTerms(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    [InlineData("zam*", "101")]
    [InlineData("szám*", "201")]
    [InlineData("kett*", "301 303")]
    [InlineData("Kowalsky~", "103")]
    [InlineData("name:Kovacz~", "201")]
    [InlineData("Clark~1", "301")]
    public void PrefixAndFuzzy_ForgiveIncompleteAndMisspelledWords(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    [InlineData("email:jan.kowalski@example.pl", "103")]
    [InlineData("email:kovacs", "201")]
    [InlineData("name:\"Szabó Éva\"", "202")]
    [InlineData("name:wojcik", "101")]
    [InlineData("reg:C-2026-000201", "201")]
    [InlineData("category:suggestion", "102 202 302")]
    [InlineData("status:closed", "103 203 302")]
    [InlineData("status:\"pending on company\"", "101 201 303")]
    [InlineData("lang:hu", "201 202 203")]
    [InlineData("handler:anna.nowak", "101 103 303")]
    [InlineData("handler:toth", "201 202")]
    [InlineData("order:ZAM/2026/04512", "101")]
    [InlineData("order:ord-55121", "301")]
    [InlineData("serial:SN-AX77-0042-19", "101")]
    [InlineData("invoice:FV/2026/11/0342", "201")]
    [InlineData("policy:POL-778812", "301")]
    public void Fields_SearchTheRegister(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    // 102 arrived at 00:30 on 1 November in Warsaw (still 31 October in UTC): it is a November letter.
    [InlineData("received:[2026-10-01 TO 2026-10-31]", "101 202")]
    [InlineData("received:{2026-10-01 TO 2026-10-31]", "101 202")]
    [InlineData("received:2026-11", "102 201 301 303")]
    [InlineData("received:2026-10-20", "202")]
    [InlineData("received:>=2026-11-10", "301 303")]
    [InlineData("received:<2026-08-11", "203 302")]
    [InlineData("received:[2026-11-15 TO *]", "301")]
    [InlineData("reklamacja AND received:2026-09", "103")]
    public void DateRanges_AreLocalDays(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    // Days waiting at noon on 20 November: 101 50, 201 15, 303 10, 102 4, 301 2; the others wait on nobody.
    [InlineData("waiting:>7", "101 201 303")]
    [InlineData("waiting:>=10", "101 201 303")]
    [InlineData("waiting:<=3", "301")]
    [InlineData("waiting:4", "102")]
    [InlineData("waiting:[3 TO 10]", "102 303")]
    [InlineData("waiting:>7 AND lang:en", "303")]
    [InlineData("alert:due", "101 303")]
    [InlineData("alert:scheduled", "201")]
    [InlineData("alert:due AND handler:anna.nowak", "101 303")]
    public void WaitingAndAlerts_AreReadAgainstTheClock(string query, string expected) => AssertFinds(query, expected);

    [Theory]
    [InlineData("reklamacja AND category:complaint", "101")]
    [InlineData("kettle AND status:not-started", "301")]
    [InlineData("category:complaint AND NOT lang:pl", "201 301")]
    public void FilteredQueries_NarrowWordsByField(string query, string expected) => AssertFinds(query, expected);

    private void AssertFinds(string query, string expected)
    {
        var wanted = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(number => $"C-2026-000{number}").Order(StringComparer.Ordinal);
        Assert.Equal(wanted, archive.Index.CaseSet(query));
    }
}
