namespace Archive.Search;

/// <summary>A clerk's search: the query as typed, the order, and which page of cases to return.</summary>
/// <param name="Query">The query in the archive's query language (words, phrases, <c>field:value</c>, AND/OR/NOT).</param>
/// <param name="Limit">How many cases to return (1 to <see cref="MaxLimit"/>).</param>
/// <param name="Offset">How many cases to skip, for paging (at most <see cref="MaxOffset"/>).</param>
/// <param name="Sort">The order of the cases.</param>
public sealed record SearchRequest(string Query, int Limit = 20, int Offset = 0, SearchSort Sort = SearchSort.Relevance)
{
    /// <summary>The largest page a single request may ask for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The deepest page start: results past it are better reached by narrowing the query.</summary>
    public const int MaxOffset = 100_000;
}
