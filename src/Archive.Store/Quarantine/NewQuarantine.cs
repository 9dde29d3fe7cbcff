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
    string? QuarantinedPath);
