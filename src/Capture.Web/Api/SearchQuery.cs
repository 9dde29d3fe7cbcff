using Archive.Search;

namespace Capture.Web.Api;

/// <summary>A search as the query string gives it (<c>q</c>, <c>sort</c>, <c>page</c> from 1, <c>limit</c>), checked.</summary>
internal sealed record SearchQuery(string Query, SearchSort Sort, int Page, int Limit)
{
    public const int DefaultLimit = 20;

    public SearchRequest Request => new(Query, Limit, (Page - 1) * Limit, Sort);

    /// <summary>The search, or the message saying which parameter is wrong.</summary>
    public static (SearchQuery? Query, string? Problem) From(string? q, string? sort, int? page, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return (null, "Give a query in q, e.g. q=reklamacja or q=status:pending-on-company.");
        }

        if (!SearchSorts.ByName.TryGetValue(string.IsNullOrWhiteSpace(sort) ? "relevance" : sort.Trim(), out var order))
        {
            return (null, $"sort must be one of {string.Join(", ", SearchSorts.ByName.Keys)}, not '{sort}'.");
        }

        var size = limit ?? DefaultLimit;
        if (size is < 1 or > 100)
        {
            return (null, "limit must be between 1 and 100.");
        }

        var number = page ?? 1;
        if (number < 1 || (long)(number - 1) * size > SearchRequest.MaxOffset)
        {
            return (null, $"page must be between 1 and {(SearchRequest.MaxOffset / size) + 1}; narrow the query to reach further results.");
        }

        return (new SearchQuery(q.Trim(), order, number, size), null);
    }
}
