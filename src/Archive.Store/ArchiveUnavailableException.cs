namespace Archive.Store;

/// <summary>
/// The archive cannot be opened: its folder cannot be created, or its database is in use by another Capture process
/// or unreadable. The message names the setting and what to do.
/// </summary>
public sealed class ArchiveUnavailableException : InvalidOperationException
{
    public ArchiveUnavailableException()
    {
    }

    public ArchiveUnavailableException(string message)
        : base(message)
    {
    }

    public ArchiveUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
