namespace Archive.Search;

/// <summary>The order of search results (cases).</summary>
public enum SearchSort
{
    /// <summary>Best match first (the default).</summary>
    Relevance,

    /// <summary>Most recently received first (by the case's newest matching document).</summary>
    Newest,

    /// <summary>Earliest received first (by the case's oldest matching document).</summary>
    Oldest,

    /// <summary>The customer who has waited longest first; cases nobody waits on come last.</summary>
    LongestWaiting,

    /// <summary>By registration number, ascending (year, then sequence).</summary>
    RegistrationNumber,

    /// <summary>By registration number, descending.</summary>
    RegistrationNumberDescending,
}
