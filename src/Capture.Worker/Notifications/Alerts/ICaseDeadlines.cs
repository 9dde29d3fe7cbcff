using Archive.Store.Cases;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>A case's response deadline as the alerts need it.</summary>
/// <remarks>
/// A seam for the deadlines work, which keeps the deadline on the case (<c>CaseRecord.Deadline</c>: due, at-risk point,
/// paused since). Until it is wired in, <see cref="NoCaseDeadlines"/> gives no case a deadline.
/// </remarks>
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

/// <summary>No case has a deadline (the deadlines work is not wired in).</summary>
public sealed class NoCaseDeadlines : ICaseDeadlines
{
    /// <inheritdoc />
    public CaseDeadlinePoints? Find(CaseRecord caseRecord) => null;
}
