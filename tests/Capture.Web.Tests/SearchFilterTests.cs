using System.Net;
using Capture.Web.Pages;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary>The search page's filters: how they compose into the query language, and the page that uses them.</summary>
public sealed class SearchFilterTests(WebServer server)
{
    [Fact]
    public void Compose_EveryFilter_AddsItsFieldToTheFreeQueryInParentheses()
    {
        var filters = new SearchFilters
        {
            Email = "anna@example.pl", Name = "Anna Nowak", Status = "pending-on-company", Category = "complaint", Lang = "pl",
            Handler = "hanna", Waiting = "7", Alert = "due", From = "2026-10-01", To = "2026-10-31",
        };

        var (query, problem) = filters.Compose("kettle OR toaster");

        Assert.Null(problem);
        Assert.Equal(
            "(kettle OR toaster) AND email:\"anna@example.pl\" AND name:\"Anna Nowak\" AND handler:\"hanna\" AND status:\"pending-on-company\" " +
            "AND category:\"complaint\" AND lang:\"pl\" AND waiting:>7 AND alert:due AND received:[2026-10-01 TO 2026-10-31]",
            query);
    }

    [Fact]
    public void Compose_QuotesAndBackslashesInATypedValue_AreEscapedInsideItsQuotes()
    {
        var (query, _) = new SearchFilters { Name = "x\" OR status:closed \\" }.Compose(null);

        Assert.Equal("name:\"x\\\" OR status:closed \\\\\"", query);
    }

    [Fact]
    public void Compose_OneSidedDateRange_IsOpenOnTheOtherSide()
    {
        Assert.Equal("received:[2026-11-15 TO *]", new SearchFilters { From = "2026-11-15" }.Compose("").Query);
        Assert.Equal("received:[* TO 2026-11-15]", new SearchFilters { To = "2026-11-15" }.Compose(" ").Query);
    }

    [Theory]
    [InlineData("status", "sideways")]
    [InlineData("category", "spam")]
    [InlineData("waiting", "-3")]
    [InlineData("waiting", "7 OR x")]
    [InlineData("alert", "soon")]
    [InlineData("from", "2026-13-01")]
    [InlineData("to", "yesterday")]
    public void Compose_AWrongFilterValue_NamesTheFilter(string filter, string value)
    {
        var filters = filter switch
        {
            "status" => new SearchFilters { Status = value },
            "category" => new SearchFilters { Category = value },
            "waiting" => new SearchFilters { Waiting = value },
            "alert" => new SearchFilters { Alert = value },
            "from" => new SearchFilters { From = value },
            _ => new SearchFilters { To = value },
        };

        var (query, problem) = filters.Compose("kettle");

        Assert.Null(query);
        Assert.Contains(value, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_WithAHandlerFilterAndNoQuery_ShowsOnlyTheirCases()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var page = await clerk.GetStringAsync("/search?q=&handler=henryk");

        Assert.Contains(server.CaseOf(Samples.HenryksWashingMachine), page, StringComparison.Ordinal);
        Assert.DoesNotContain(server.CaseOf(Samples.HannasKettle), page, StringComparison.Ordinal);
        Assert.Contains("""<input name="handler" type="text" value="henryk" """.TrimEnd(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_AFilterValueThatLooksLikeQuerySyntax_IsSearchedForAsTyped()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var (status, page) = await clerk.GetWithStatusAsync("/search?q=kettle&name=" + Uri.EscapeDataString("\") OR (status:closed"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0 cases match", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_PagingAndCountLinks_KeepTheQueryAndTheFilters()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var page = await clerk.GetStringAsync("/search?q=&handler=hanna&lang=en&page=2");

        Assert.Contains("""<a rel="prev" href="/search?q=&amp;sort=relevance&amp;page=1&amp;lang=en&amp;handler=hanna">""", page, StringComparison.Ordinal);
        Assert.Contains("""<a href="/search?q=&amp;category=complaint&amp;lang=en&amp;handler=hanna">complaint</a>""", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_AWrongFilter_Gets400WithTheMessage()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var (status, page) = await clerk.GetWithStatusAsync("/search?q=kettle&waiting=many");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Days waiting must be a whole number of days, not &#x27;many&#x27;.", page, StringComparison.Ordinal);
    }
}
