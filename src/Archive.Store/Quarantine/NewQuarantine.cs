namespace Archive.Store.Quarantine;

/// <summary>An item set aside because it could not be captured.</summary>
/// <param name="SourceName">The source name it came from.</param>
/// <param name="SourceKey">Its intake ledger key, if it was claimed; the claim is then marked quarantined.</param>
/// <param name="OriginalFileName">The name it arrived with (for display only).</param>
/// <param name="Reason">Why, in words a person can act on.</param>
/// <param name="Sha256">Its content hash, if known.</param>
/// <param name="QuarantinedPath">Where the worker put the bytes, if it kept them.</param>
public sealed record NewQuarantine(
    string SourceName,
    string? SourceKey,
    string OriginalFileName,
    string Reason,
    string? Sha256,
    string? QuarantinedPath)
{
    /// <summary>How many attempts to capture it failed before it was set aside (0 when it was set aside at once, as bad input).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// The record a person asked to retry (<c>capture quarantine retry</c>), when this is that retry failing again: the
    /// existing record then takes the new reason instead of a second record being added.
    /// </summary>
    public string? RetryOf { get; init; }
}
