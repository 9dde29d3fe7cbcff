namespace Archive.Store.Intake;

/// <summary>
/// How far a source has read an ordered stream of items, such as an IMAP folder in UID order: every item at or
/// below <see cref="Position"/> is finished (archived, quarantined, a duplicate or not wanted), so the next poll
/// starts after it. Kept beside the intake ledger, which remains the authority on each item.
/// </summary>
public sealed class SourceWatermark
{
    /// <summary>The stream's key, e.g. <c>imap://user@host/INBOX;UIDVALIDITY=7</c>.</summary>
    public string StreamKey { get; set; } = "";

    /// <summary>The highest position up to which everything is finished.</summary>
    public long Position { get; set; }

    /// <summary>When it last moved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
