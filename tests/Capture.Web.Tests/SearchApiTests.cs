using System.Net;
using System.Text.Json;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary><c>GET /api/search</c> and the search page.</summary>
public sealed class SearchApiTests(WebServer server)
{
    [Fact]
    public async Task Search_AsAClerk_FindsTheCapturedLetterWithAHighlightedSnippetAndCounts()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var results = await clerk.GetJsonAsync("/api/search?q=kettle");

        Assert.Equal(1, results.GetProperty("totalCases").GetInt32());
        var hit = Assert.Single(results.GetProperty("hits").EnumerateArray());
        Assert.Equal(server.CaseOf(Samples.HannasKettle), hit.GetProperty("registrationNumber").GetString());
        Assert.Contains("[kettle]", hit.GetProperty("snippet").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("hanna", hit.GetProperty("handler").GetString());
        Assert.Equal(1, results.GetProperty("categoryCounts").GetProperty("complaint").GetInt32());
        Assert.Equal(JsonValueKind.Object, results.GetProperty("statusCounts").ValueKind);
        Assert.Equal(1, results.GetProperty("statusCounts").EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public async Task Search_WithTheSearchPagesFilters_ComposesThemIntoTheQuery_AndRefusesABadOne()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var results = await clerk.GetJsonAsync("/api/search?handler=hanna&category=complaint&lang=en");

        Assert.Equal("handler:\"hanna\" AND category:\"complaint\" AND lang:\"en\"", results.GetProperty("query").GetString());
        var numbers = results.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("registrationNumber").GetString()).ToList();
        Assert.Contains(server.CaseOf(Samples.HannasKettle), numbers);
        Assert.All(results.GetProperty("hits").EnumerateArray(), hit =>
        {
            Assert.Equal("hanna", hit.GetProperty("handler").GetString());
            Assert.Equal("complaint", hit.GetProperty("category").GetString());
        });
        using var refused = await clerk.GetAsync("/api/search?q=kettle&status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'lost'", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SortsAndPages()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var first = await clerk.GetJsonAsync("/api/search?q=category:complaint%20OR%20category:suggestion%20OR%20category:thanks%20OR%20category:unclassified&sort=reg&limit=2&page=1");
        var second = await clerk.GetJsonAsync("/api/search?q=category:complaint%20OR%20category:suggestion%20OR%20category:thanks%20OR%20category:unclassified&sort=reg&limit=2&page=2");

        var numbers = first.GetProperty("hits").EnumerateArray().Concat(second.GetProperty("hits").EnumerateArray())
            .Select(h => h.GetProperty("registrationNumber").GetString()!).ToList();
        Assert.Equal(4, numbers.Count);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("\"unclosed phrase")]
    [InlineData("received:[2026-10-01 TO")]
    public async Task Search_MalformedQuery_Gets400WithTheParsersMessageAndNoStackTrace(string query)
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        using var response = await clerk.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UnknownSort_Gets400NamingTheChoices()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        using var response = await clerk.GetAsync("/api/search?q=kettle&sort=sideways");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("relevance", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_MarksTheMatchesAndLinksTheCase()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var page = await clerk.GetStringAsync("/search?q=kettle");

        Assert.Contains("<mark>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{server.CaseOf(Samples.HannasKettle)}\"", page, StringComparison.Ordinal);
        Assert.Contains("complaint</a> 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_EncodesWhatWasTyped()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var page = await clerk.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }
}
