using Archive.Store.Quarantine;

namespace Capture.Worker.Cli.Output;

/// <summary>One line of <c>capture quarantine list --json</c>: an item set aside, why, and where its bytes are.</summary>
/// <param name="Id">The record's id, for <c>capture quarantine retry ID</c>.</param>
/// <param name="At">When it was quarantined.</param>
/// <param name="Source">The source it came from (<c>drop:scanner-1</c>, <c>mail:complaints</c>, <c>import</c>…).</param>
/// <param name="OriginalFileName">The name it arrived with.</param>
/// <param name="Reason">Why (after a failed retry: why the retry failed).</param>
/// <param name="Attempts">How many attempts failed before it was set aside (0: bad input, set aside at once).</param>
/// <param name="Retries">How many times a person retried it.</param>
/// <param name="Kept">True when its bytes are kept at <paramref name="KeptAt"/> (the file exists).</param>
/// <param name="KeptAt">Where its bytes were put, if anywhere.</param>
/// <param name="Status"><c>quarantined</c> or <c>resolved</c>.</param>
/// <param name="ResolvedAs">The case a retry captured it into.</param>
/// <param name="ResolvedAt">When.</param>
internal sealed record QuarantineView(
    string Id,
    DateTimeOffset At,
    string Source,
    string OriginalFileName,
    string Reason,
    int Attempts,
    int Retries,
    bool Kept,
    string? KeptAt,
    string Status,
    string? ResolvedAs,
    DateTimeOffset? ResolvedAt)
{
    public static QuarantineView From(QuarantineRecord record) => new(
        record.Id,
        record.At,
        record.SourceName,
        record.OriginalFileName,
        record.Reason,
        record.Attempts,
        record.Retries,
        record.QuarantinedPath is { } path && File.Exists(path),
        record.QuarantinedPath,
        record.IsResolved ? "resolved" : "quarantined",
        record.ResolvedAs,
        record.ResolvedAt);
}
