using Archive.Store.Cases;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>A case's response deadline as the alerts need it.</summary>
public interface ICaseDeadlines
{
    /// <summary>The case's deadline points.</summary>
    /// <param name="caseRecord">An open case.</param>
    /// <returns>The points, or null when the case has no deadline.</returns>
    CaseDeadlinePoints? Find(CaseRecord caseRecord);
}

/// <summary>When a case's deadline is at risk and when it ends.</summary>
/// <param name="AtRiskAt">When the configured share of the time has been used (e.g. 75 %); null when no warning is configured.</param>
/// <param name="DueAt">When the deadline ends; while paused, as it stood when the pause began (it moves later on resuming).</param>
/// <param name="PausedSince">Since when the clock stands still (the case waits for the customer), or null while it runs: no deadline alert then.</param>
public sealed record CaseDeadlinePoints(DateTimeOffset? AtRiskAt, DateTimeOffset DueAt, DateTimeOffset? PausedSince = null)
{
    /// <summary>True while the clock stands still.</summary>
    public bool Paused => PausedSince is not null;

    /// <summary>
    /// Whether the deadline was missed at <paramref name="now"/>: a paused clock can only have missed it before the
    /// pause began, since resuming moves the due moment later by the paused time.
    /// </summary>
    /// <param name="now">The instant.</param>
    /// <returns>True when the due moment has passed.</returns>
    public bool IsMissedAt(DateTimeOffset now) => DueAt <= (PausedSince ?? now);
}

/// <summary>
/// The deadline the store keeps on each case (<see cref="CaseRecord.Deadline"/>): due and at-risk moments while the
/// clock runs, paused while the case waits for the customer; a stopped deadline (a closed case) or none gives nothing.
/// </summary>
public sealed class RecordedCaseDeadlines : ICaseDeadlines
{
    /// <inheritdoc />
    public CaseDeadlinePoints? Find(CaseRecord caseRecord)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        return caseRecord.Deadline is { DueAt: { } due, StoppedAt: null } deadline
            ? new CaseDeadlinePoints(deadline.AtRiskAt, due, deadline.PausedSince)
            : null;
    }
}
