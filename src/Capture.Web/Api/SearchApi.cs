using Archive.Search;
using Capture.Web.Cases;
using Capture.Web.Pages;

namespace Capture.Web.Api;

/// <summary>
/// <c>GET /api/search</c>: the archive's search, one hit per case with its snippet (matches in <c>[</c> <c>]</c>), and
/// counts per category and status; the search page's filters (<see cref="SearchFilters"/>) are taken as parameters too.
/// </summary>
internal static class SearchApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/search", Search)
        .RequireAuthorization(WebPolicies.Read)
        .WithName("Search")
        .WithSummary("Search the archive with the query language; one result per case.");

    private static Results<Ok<SearchResponse>, ProblemHttpResult> Search(ArchiveIndex index, string? q, string? sort, int? page, int? limit, [AsParameters] SearchFilters filters)
    {
        var (composed, filterProblem) = filters.Compose(q);
        if (filterProblem is not null)
        {
            return ApiProblems.BadRequest(filterProblem, "A filter is not valid.");
        }

        var (query, problem) = SearchQuery.From(composed, sort, page, limit);
        if (query is null)
        {
            return ApiProblems.BadRequest(problem, "The search cannot be run as asked.");
        }

        try
        {
            var results = index.Search(query.Request);
            return TypedResults.Ok(new SearchResponse(
                query.Query,
                SearchSorts.Name(query.Sort),
                query.Page,
                query.Limit,
                results.TotalCases,
                [.. results.Hits.Select(hit => new SearchHitView(
                    hit.RegistrationNumber,
                    Math.Round(hit.Score, 4),
                    hit.Category,
                    hit.Status,
                    hit.Handler,
                    hit.Subject,
                    hit.ReceivedAt,
                    hit.DaysWaiting,
                    new ContactView(hit.ContactName, hit.ContactEmail),
                    hit.Snippet))],
                results.CategoryCounts,
                results.StatusCounts));
        }
        catch (InvalidSearchQueryException ex)
        {
            return ApiProblems.BadRequest(ex.Message, "The query is not valid.");
        }
    }
}

/// <summary>One page of a search: the hits and the counts over all matching cases.</summary>
internal sealed record SearchResponse(
    string Query,
    string Sort,
    int Page,
    int Limit,
    int TotalCases,
    IReadOnlyList<SearchHitView> Hits,
    IReadOnlyDictionary<string, int> CategoryCounts,
    IReadOnlyDictionary<string, int> StatusCounts);

/// <summary>A matching case; <see cref="Snippet"/> has its matches in <c>[</c> <c>]</c>.</summary>
internal sealed record SearchHitView(
    string RegistrationNumber,
    double Score,
    string Category,
    string Status,
    string? Handler,
    string? Subject,
    DateTimeOffset ReceivedAt,
    int? DaysWaiting,
    ContactView Contact,
    string Snippet);
