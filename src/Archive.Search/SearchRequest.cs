namespace Archive.Search;

/// <summary>A clerk's search: the query as typed and which page of cases to return.</summary>
/// <param name="Query">The query in the archive's query language (words, phrases, <c>field:value</c>, AND/OR/NOT).</param>
/// <param name="Limit">How many cases to return (1 to <see cref="MaxLimit"/>).</param>
/// <param name="Offset">How many cases to skip, for paging.</param>
public sealed record SearchRequest(string Query, int Limit = 20, int Offset = 0)
{
    /// <summary>The largest page a single request may ask for.</summary>
    public const int MaxLimit = 1000;
}
