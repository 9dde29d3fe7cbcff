using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

public sealed class SnippetTests : IDisposable
{
    private const string Filler =
        "Dear Sir or Madam, I am writing to you about the delivery that arrived last Tuesday afternoon, which I had ordered in March. ";

    private readonly TestIndex index = new();

    [Fact]
    public void Snippet_WrapsTheMatchedWordInBrackets()
    {
        index.Add(Letter("C-2026-000001", "Hello. The kettle leaks badly."));

        var hit = Assert.Single(index.Search("kettle").Hits);

        Assert.Equal("Hello. The [kettle] leaks badly.", hit.Snippet);
    }

    [Fact]
    public void Snippet_OfLongText_IsAShortExcerptAroundTheFirstMatch()
    {
        var text = string.Concat(Enumerable.Repeat(Filler, 5)) + "Unfortunately the kettle\nleaks water. " + string.Concat(Enumerable.Repeat(Filler, 5));
        index.Add(Letter("C-2026-000001", text));

        var snippet = Assert.Single(index.Search("kettle").Hits).Snippet;

        Assert.Contains("Unfortunately the [kettle] leaks water.", snippet, StringComparison.Ordinal);
        Assert.StartsWith("... ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" ...", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Length, 100, 220);
    }

    [Fact]
    public void Snippet_MarksEveryMatchedTermInTheWindow()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks; a second kettle also leaks."));

        var snippet = Assert.Single(index.Search("kettle leaks").Hits).Snippet;

        Assert.Equal("The [kettle] [leaks]; a second [kettle] also [leaks].", snippet);
    }

    [Fact]
    public void Snippet_MarksFoldedPrefixAndFuzzyMatchesInTheOriginalSpelling()
    {
        index.Add(Letter("C-2026-000001", "Zamówienie z Łodzi: czajnik Kowalskiego przecieka."));

        Assert.Contains("z [Łodzi]", Assert.Single(index.Search("lodzi").Hits).Snippet, StringComparison.Ordinal);
        Assert.Contains("[Zamówienie]", Assert.Single(index.Search("zamow*").Hits).Snippet, StringComparison.Ordinal);
        Assert.Contains("[Kowalskiego]", Assert.Single(index.Search("Kowalskigo~").Hits).Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_DoesNotMarkNegatedTerms()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks."));

        var snippet = Assert.Single(index.Search("kettle NOT toaster OR (leaks NOT fridge)").Hits).Snippet;

        Assert.Equal("The [kettle] [leaks].", snippet);
    }

    [Fact]
    public void Snippet_WhenMatchIsInAnotherField_ShowsTheStartOfTheText()
    {
        var text = "Proszę o zwrot pieniędzy. " + string.Concat(Enumerable.Repeat(Filler, 4));
        index.Add(Letter("C-2026-000001", text, name: "Jan Kowalski", orders: ["ZAM/2026/04512"]));

        foreach (var query in new[] { "name:kowalski", "ZAM/2026/04512", "reg:C-2026-000001" })
        {
            var snippet = Assert.Single(index.Search(query).Hits).Snippet;
            Assert.StartsWith("Proszę o zwrot pieniędzy.", snippet, StringComparison.Ordinal);
            Assert.DoesNotContain("[", snippet, StringComparison.Ordinal);
            Assert.InRange(snippet.Length, 100, 210);
        }
    }

    public void Dispose() => index.Dispose();
}
