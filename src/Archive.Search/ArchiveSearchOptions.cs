namespace Archive.Search;

/// <summary>Settings of the full-text index, bound from the <c>Search</c> configuration section by the host.</summary>
public sealed class ArchiveSearchOptions
{
    /// <summary>The configuration section the host binds these options from.</summary>
    public const string SectionName = "Search";

    /// <summary>The folder that holds the whole index (and nothing else). Created when missing.</summary>
    public string IndexDirectory { get; set; } = "data/index";

    /// <summary>
    /// How much memory the writer buffers before it flushes a segment. With <see cref="StemCacheEntries"/> it fixes
    /// the index's memory budget: neither grows with the archive.
    /// </summary>
    public double RamBufferSizeMb { get; set; } = 64;

    /// <summary>Folder of the Hunspell dictionaries (<c>pl_PL</c>, <c>hu_HU</c>, <c>en_US</c> <c>.aff</c>/<c>.dic</c>), Debian's by default.</summary>
    public string HunspellDirectory { get; set; } = "/usr/share/hunspell";

    /// <summary>How many distinct words per language keep their stems in memory (Hunspell is slow; words repeat).</summary>
    public int StemCacheEntries { get; set; } = 200_000;

    /// <summary>
    /// The time zone dates in queries are read in (<c>received:[2026-10-01 TO 2026-10-31]</c> means those local days),
    /// as an IANA id such as <c>Europe/Warsaw</c>; empty means the machine's zone.
    /// </summary>
    public string TimeZone { get; set; } = "";

    /// <summary>
    /// Threads one search may use over groups of index segments (a query matching most of a large archive is bound by
    /// visiting its matches); 0 means one per processor once the index holds 50,000 documents, 1 searches on the
    /// caller's thread only.
    /// </summary>
    public int SearchThreads { get; set; }

    /// <summary>Threads that analyse documents during a rebuild; 0 means one per processor.</summary>
    public int RebuildThreads { get; set; }
}
