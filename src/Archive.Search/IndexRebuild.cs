namespace Archive.Search;

/// <summary>Progress of <see cref="ArchiveIndex.RebuildAsync"/>: documents indexed into the new index so far.</summary>
/// <param name="DocumentsIndexed">Documents written to the new index.</param>
public readonly record struct IndexRebuildProgress(long DocumentsIndexed);

/// <summary>The outcome of a finished rebuild.</summary>
/// <param name="DocumentsIndexed">Documents read from the source and indexed.</param>
/// <param name="ChangesReplayed">Live changes made while the rebuild ran, applied to the new index before it took over.</param>
/// <param name="Elapsed">How long the rebuild took.</param>
/// <param name="IndexBytes">Size of the new index on disk.</param>
public sealed record IndexRebuildResult(long DocumentsIndexed, int ChangesReplayed, TimeSpan Elapsed, long IndexBytes);
