using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

/// <summary>A query a clerk mistyped gets a message that says what is wrong and where.</summary>
public sealed class MalformedQueryTests : IDisposable
{
    private readonly TestIndex index = new();

    public MalformedQueryTests()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks."));
    }

    [Theory]
    [InlineData("\"unclosed", "Unbalanced quote at position 1")]
    [InlineData("kettle \"leaks", "Unbalanced quote at position 8")]
    [InlineData("(a OR", "Parenthesis opened at position 1 is never closed")]
    [InlineData("kettle OR (a AND (b)", "Parenthesis opened at position 11 is never closed")]
    [InlineData("kettle)", "Closing parenthesis at position 7 has no opening one")]
    [InlineData("emial:x", "Unknown field 'emial:' — known fields: email, name, reg, category, status, lang, handler, order, invoice, serial, policy")]
    [InlineData("emial:x", "Did you mean 'email:'?")]
    [InlineData("AND", "'AND'")]
    [InlineData("kettle AND", "The query ends with 'AND'")]
    [InlineData("kettle OR OR leaks", "'OR' at position 11 needs a search term on each side")]
    [InlineData("", "The query is empty")]
    [InlineData("   ", "The query is empty")]
    [InlineData("*ettle", "starts with a wildcard")]
    [InlineData("[a TO b]", "Ranges such as [a TO b] work on received: (dates) and waiting: (days)")]
    public void MalformedQuery_ThrowsWithAHelpfulMessage(string query, string expectedMessage)
    {
        var exception = Assert.Throws<InvalidSearchQueryException>(() => index.Search(query));

        Assert.Contains(expectedMessage, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Lucene", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot parse", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PositionAfterAnEscapedSlash_PointsIntoTheOriginalQuery()
    {
        var exception = Assert.Throws<InvalidSearchQueryException>(() => index.Search("ZAM/2026/1 OR OR kettle"));

        Assert.Equal(15, exception.Position);
        Assert.Contains("position 15", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedColon_IsSearchedAsText()
    {
        index.Add(Letter("C-2026-000002", "Meeting at 10:30 about the kettle."));

        Assert.Equal(["C-2026-000002"], index.Cases("\"10:30\""));
    }

    public void Dispose() => index.Dispose();
}
