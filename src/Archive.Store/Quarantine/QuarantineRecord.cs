namespace Archive.Store.Quarantine;

/// <summary>A stored quarantine entry.</summary>
public sealed class QuarantineRecord
{
    /// <summary>The entry's database identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The source name the item came from.</summary>
    public string SourceName { get; set; } = "";

    /// <summary>Its intake ledger key, if any.</summary>
    public string? SourceKey { get; set; }

    /// <summary>The name it arrived with.</summary>
    public string OriginalFileName { get; set; } = "";

    /// <summary>Why it was quarantined.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Its content hash, if known (lower-case hex).</summary>
    public string? Sha256 { get; set; }

    /// <summary>Where the worker put the bytes, if it kept them.</summary>
    public string? QuarantinedPath { get; set; }

    /// <summary>When it was quarantined (the store's clock).</summary>
    public DateTimeOffset At { get; set; }
}
