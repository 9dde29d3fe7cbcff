using System.Globalization;
using Archive.Search;
using Capture.Web.Api;

namespace Capture.Web.Pages;

/// <summary>
/// <c>/search</c>: the query box and the filters (<see cref="SearchFilters"/>), sort and paging that keep both, one
/// result per case with its snippet, counts per category and status that narrow the search.
/// </summary>
internal static class SearchPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/search")).RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();
        app.MapGet("/search", Show).RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();
    }

    private static IResult Show(HttpContext context, ArchiveIndex index, string? q, string? sort, int? page, [AsParameters] SearchFilters filters)
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

        body.Append($"""</select> <button type="submit">Search</button>""");
        SearchFilterWidgets.Write(body, filters);
        body.Append($"</form>");

        var (composed, filterProblem) = filters.Compose(q);
        if (filterProblem is not null)
        {
            return Problem(context, body, filterProblem);
        }

        if (composed is null)
        {
            return Layout.Page(context, "Search", body.ToMarkup());
        }

        var (query, problem) = SearchQuery.From(composed, sort, page, SearchQuery.DefaultLimit);
        if (query is null)
        {
            return Problem(context, body, problem!);
        }

        if (composed != q?.Trim())
        {
            body.Append($"""<p class="composed">Searched for <code>{composed}</code></p>""");
        }

        try
        {
            WriteResults(body, query, index.Search(query.Request), new SearchLinks(q, filters));
        }
        catch (InvalidSearchQueryException ex)
        {
            return Problem(context, body, ex.Message);
        }

        return Layout.Page(context, "Search", body.ToMarkup());
    }

    private static IResult Problem(HttpContext context, Html body, string problem)
    {
        body.Append($"""<p class="problem" role="alert">{problem}</p>""");
        return Layout.Page(context, "Search", body.ToMarkup(), StatusCodes.Status400BadRequest);
    }

    private static void WriteResults(Html body, SearchQuery query, SearchResults results, SearchLinks links)
    {
        var first = results.Hits.Count == 0 ? 0 : ((query.Page - 1) * query.Limit) + 1;
        body.Append($"""<p class="summary">{results.TotalCases} cases match; showing {first}–{first + results.Hits.Count - (results.Hits.Count == 0 ? 0 : 1)}.</p>""");
        body.Append($"""<div class="counts">{Counts("Category", results.CategoryCounts, word => links.With(links.Filters with { Category = word }))}{Counts("Status", results.StatusCounts, word => links.With(links.Filters with { Status = word }))}</div>""");
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
            body.Append($"""<a rel="prev" href="{links.Page(query, query.Page - 1)}">Previous</a> """);
        }

        body.Append($"<span>Page {query.Page} of {Math.Max(pages, 1)}</span>");
        if (query.Page < pages)
        {
            body.Append($""" <a rel="next" href="{links.Page(query, query.Page + 1)}">Next</a>""");
        }

        body.Append($"</nav>");
    }

    private static HtmlMarkup Counts(string title, IReadOnlyDictionary<string, int> counts, Func<string, string> link)
    {
        var html = new Html();
        html.Append($"<dl><dt>{title}</dt>");
        foreach (var (word, count) in counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            html.Append($"""<dd><a href="{link(word)}">{word}</a> {count}</dd>""");
        }

        html.Append($"</dl>");
        return html.ToMarkup();
    }

    /// <summary>Links to other pages and narrower searches that keep the free query and the filters as they were typed.</summary>
    private sealed record SearchLinks(string? FreeQuery, SearchFilters Filters)
    {
        public string Page(SearchQuery query, int page) => string.Create(CultureInfo.InvariantCulture,
            $"/search?q={Uri.EscapeDataString(FreeQuery ?? "")}&sort={SearchSorts.Name(query.Sort)}&page={page}{Filters.ToQueryString()}");

        public string With(SearchFilters filters) => $"/search?q={Uri.EscapeDataString(FreeQuery ?? "")}{filters.ToQueryString()}";
    }
}
