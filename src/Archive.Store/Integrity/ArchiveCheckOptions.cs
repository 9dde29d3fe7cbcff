namespace Archive.Store.Integrity;

/// <summary>What <see cref="ArchiveStore.CheckIntegrity"/> leaves out of its walk of the archive folder.</summary>
public sealed class ArchiveCheckOptions
{
    /// <summary>
    /// Folders below the archive root that hold no archived documents, so their files are not reported as orphans:
    /// the search index, logs, the cached model, quarantine (checked through its records instead), the spool of
    /// captures that never committed, and any other folder the host keeps there. Relative to the root, either separator.
    /// </summary>
    public IReadOnlyCollection<string> IgnoredFolders { get; init; } = ["index", "logs", "models", "quarantine", Documents.DocumentFiler.LeftoversFolder];

    /// <summary>Documents read from the database per page; bounds memory on large archives.</summary>
    public int PageSize { get; init; } = 500;
}
