namespace Archive.Search;

/// <summary>
/// The search index cannot be opened because another <see cref="ArchiveIndex"/> or another Capture process owns its
/// directory. The message says which directory and what to do.
/// </summary>
public sealed class SearchIndexUnavailableException : InvalidOperationException
{
    public SearchIndexUnavailableException()
    {
    }

    public SearchIndexUnavailableException(string message)
        : base(message)
    {
    }

    public SearchIndexUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
