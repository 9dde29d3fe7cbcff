namespace Archive.Search;

/// <summary>
/// The query cannot be run as typed. <see cref="Exception.Message"/> is written for the person who
/// typed it: what is wrong and where (1-based character position), never a stack trace.
/// </summary>
public sealed class InvalidSearchQueryException : Exception
{
    public InvalidSearchQueryException()
        : base("The search query is not valid.")
    {
    }

    public InvalidSearchQueryException(string message)
        : base(message)
    {
    }

    public InvalidSearchQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based position in the query the problem was found at, when it is known.</summary>
    public int? Position { get; init; }
}
