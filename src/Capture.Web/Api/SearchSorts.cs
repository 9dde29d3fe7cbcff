using Archive.Search;

namespace Capture.Web.Api;

/// <summary>The words for the orders of search results, as <c>capture search --sort</c> and <c>?sort=</c> take them.</summary>
public static class SearchSorts
{
    public static IReadOnlyDictionary<string, SearchSort> ByName { get; } = new Dictionary<string, SearchSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = SearchSort.Relevance,
        ["newest"] = SearchSort.Newest,
        ["oldest"] = SearchSort.Oldest,
        ["waiting"] = SearchSort.LongestWaiting,
        ["reg"] = SearchSort.RegistrationNumber,
        ["reg-desc"] = SearchSort.RegistrationNumberDescending,
    };

    /// <summary>The word for an order (the first name it has).</summary>
    public static string Name(SearchSort sort) => ByName.First(pair => pair.Value == sort).Key;
}
