namespace Archive.Search;

/// <summary>Settings of the full-text index, bound from the <c>Search</c> configuration section by the host.</summary>
public sealed class ArchiveSearchOptions
{
    /// <summary>The configuration section the host binds these options from.</summary>
    public const string SectionName = "Search";

    /// <summary>The folder that holds the whole index (and nothing else). Created when missing.</summary>
    public string IndexDirectory { get; set; } = "data/index";

    /// <summary>How much memory the writer buffers before it flushes a segment; bounds RAM during rebuilds.</summary>
    public double RamBufferSizeMb { get; set; } = 32;
}
