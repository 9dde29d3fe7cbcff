namespace Archive.Store.Quarantine;

/// <summary>
/// A stored quarantine entry. Never deleted: a person retries it (<see cref="Retries"/>), and one that was captured in
/// the end is marked <see cref="ResolvedAs"/> its case. Fields added later read as their defaults from older archives.
/// </summary>
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

    /// <summary>Why it was quarantined (after a failed retry: why the retry failed).</summary>
    public string Reason { get; set; } = "";

    /// <summary>Its content hash, if known (lower-case hex).</summary>
    public string? Sha256 { get; set; }

    /// <summary>Where the worker put the bytes, if it kept them.</summary>
    public string? QuarantinedPath { get; set; }

    /// <summary>When it was quarantined (the store's clock).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>How many attempts to capture it failed before it was set aside (0: set aside at once, as bad input).</summary>
    public int Attempts { get; set; }

    /// <summary>How many times a person retried it.</summary>
    public int Retries { get; set; }

    /// <summary>When it was last retried, if ever.</summary>
    public DateTimeOffset? RetriedAt { get; set; }

    /// <summary>When a retry captured it, if one did.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The registration number of the case it became (or already was, for a duplicate), once resolved.</summary>
    public string? ResolvedAs { get; set; }

    /// <summary>True once a retry captured it.</summary>
    [LiteDB.BsonIgnore]
    public bool IsResolved => ResolvedAt is not null;
}
