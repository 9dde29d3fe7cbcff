using System.Globalization;
using Archive.Search;
using Capture.Web.Api;
using Capture.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Capture.Web.Pages;

/// <summary><c>/search</c>: the query box, sort and paging, one result per case with its snippet, counts per category and status.</summary>
internal static class SearchPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/search")).RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();
        app.MapGet("/search", Show).RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();
    }

    private static IResult Show(HttpContext context, ArchiveIndex index, string? q, string? sort, int? page)
    {
        var body = new Html();
        body.Append($"""
            <form class="search" method="get" action="/search">
            <input name="q" value="{q}" placeholder="reklamacja, status:pending-on-company, waiting:>7, received:2026-10 …" aria-label="Query">
            <select name="sort" aria-label="Order">
            """);
        foreach (var name in SearchSorts.ByName.Keys)
        {
            var selected = string.Equals(name, sort ?? "relevance", StringComparison.OrdinalIgnoreCase) ? new HtmlMarkup(" selected") : default;
            body.Append($"""<option value="{name}"{selected}>{name}</option>""");
        }

        body.Append($"""</select> <button type="submit">Search</button></form>""");
        if (string.IsNullOrWhiteSpace(q))
        {
            return Layout.Page(context, "Search", body.ToMarkup());
        }

        var (query, problem) = SearchQuery.From(q, sort, page, SearchQuery.DefaultLimit);
        if (query is null)
        {
            body.Append($"""<p class="problem" role="alert">{problem}</p>""");
            return Layout.Page(context, "Search", body.ToMarkup(), StatusCodes.Status400BadRequest);
        }

        SearchResults results;
        try
        {
            results = index.Search(query.Request);
        }
        catch (InvalidSearchQueryException ex)
        {
            body.Append($"""<p class="problem" role="alert">{ex.Message}</p>""");
            return Layout.Page(context, "Search", body.ToMarkup(), StatusCodes.Status400BadRequest);
        }

        WriteResults(body, query, results);
        return Layout.Page(context, "Search", body.ToMarkup());
    }

    private static void WriteResults(Html body, SearchQuery query, SearchResults results)
    {
        var first = results.Hits.Count == 0 ? 0 : ((query.Page - 1) * query.Limit) + 1;
        body.Append($"""<p class="summary">{results.TotalCases} cases match; showing {first}–{first + results.Hits.Count - (results.Hits.Count == 0 ? 0 : 1)}.</p>""");
        body.Append($"""<div class="counts">{Counts("Category", "category", results.CategoryCounts)}{Counts("Status", "status", results.StatusCounts)}</div>""");
        body.Append($"""<ol class="hits" start="{first}">""");
        foreach (var hit in results.Hits)
        {
            body.Append($"""
                <li><a href="{Layout.CasePath(hit.RegistrationNumber)}">{hit.RegistrationNumber}</a>
                <span class="meta">{hit.ReceivedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · {hit.Category} · {hit.Status} · {(hit.DaysWaiting is { } days ? $"waiting {days} d" : "not waiting")} · {hit.Handler ?? "unassigned"} · {hit.ContactName ?? hit.ContactEmail ?? "-"}</span>
                <div class="subject">{hit.Subject}</div>
                <p class="snippet">{Html.Snippet(hit.Snippet)}</p></li>
                """);
        }

        body.Append($"</ol>");
        var pages = (results.TotalCases + query.Limit - 1) / query.Limit;
        body.Append($"""<nav class="paging">""");
        if (query.Page > 1)
        {
            body.Append($"""<a rel="prev" href="{PageLink(query, query.Page - 1)}">Previous</a> """);
        }

        body.Append($"<span>Page {query.Page} of {Math.Max(pages, 1)}</span>");
        if (query.Page < pages)
        {
            body.Append($""" <a rel="next" href="{PageLink(query, query.Page + 1)}">Next</a>""");
        }

        body.Append($"</nav>");
    }

    private static HtmlMarkup Counts(string title, string field, IReadOnlyDictionary<string, int> counts)
    {
        var html = new Html();
        html.Append($"<dl><dt>{title}</dt>");
        foreach (var (word, count) in counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            html.Append($"""<dd><a href="/search?q={Uri.EscapeDataString($"{field}:{word}")}">{word}</a> {count}</dd>""");
        }

        html.Append($"</dl>");
        return html.ToMarkup();
    }

    private static string PageLink(SearchQuery query, int page) => string.Create(CultureInfo.InvariantCulture,
        $"/search?q={Uri.EscapeDataString(query.Query)}&sort={SearchSorts.Name(query.Sort)}&page={page}");
}
