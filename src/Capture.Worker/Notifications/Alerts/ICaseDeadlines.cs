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
/// <param name="DueAt">When the deadline ends.</param>
/// <param name="Paused">True while the clock stands still (the case waits for the customer): no deadline alert then.</param>
public sealed record CaseDeadlinePoints(DateTimeOffset? AtRiskAt, DateTimeOffset DueAt, bool Paused = false);

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
            ? new CaseDeadlinePoints(deadline.AtRiskAt, due, deadline.PausedSince is not null)
            : null;
    }
}
