using Archive.Store.Cases;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>How urgent an open case is, for a handler's digest.</summary>
internal enum UrgencyLevel
{
    /// <summary>Its deadline has passed.</summary>
    Missed,

    /// <summary>Its deadline is at risk.</summary>
    AtRisk,

    /// <summary>It has a deadline, not yet at risk.</summary>
    Due,

    /// <summary>Its deadline's clock stands still: the company waits for the customer.</summary>
    Paused,

    /// <summary>It has no deadline.</summary>
    None,
}

/// <summary>A case with its urgency.</summary>
/// <param name="Case">The case.</param>
/// <param name="Level">How urgent.</param>
/// <param name="DueAt">When its deadline ends, if it has one.</param>
internal sealed record CaseUrgency(CaseRecord Case, UrgencyLevel Level, DateTimeOffset? DueAt)
{
    /// <summary>
    /// Orders cases most urgent first: missed, at risk, then by the deadline soonest to end, then those whose deadline is
    /// paused while the customer owes an answer, then those without one; within each, the customer waiting longest, then
    /// the oldest case.
    /// </summary>
    public static IReadOnlyList<CaseUrgency> Order(IEnumerable<CaseRecord> cases, ICaseDeadlines deadlines, DateTimeOffset now) => cases
        .Select(c => Of(c, deadlines.Find(c), now))
        .OrderBy(u => u.Level)
        .ThenBy(u => u.DueAt ?? DateTimeOffset.MaxValue)
        .ThenBy(u => u.Case.WaitingSince ?? DateTimeOffset.MaxValue)
        .ThenBy(u => u.Case.ReceivedAt)
        .ThenBy(u => u.Case.RegistrationNumber, StringComparer.Ordinal)
        .ToList();

    private static CaseUrgency Of(CaseRecord caseRecord, CaseDeadlinePoints? deadline, DateTimeOffset now) => deadline switch
    {
        null => new(caseRecord, UrgencyLevel.None, null),
        { DueAt: var due } when deadline.IsMissedAt(now) => new(caseRecord, UrgencyLevel.Missed, due),
        { Paused: true } => new(caseRecord, UrgencyLevel.Paused, null),
        { AtRiskAt: { } atRisk, DueAt: var due } when atRisk <= now => new(caseRecord, UrgencyLevel.AtRisk, due),
        { DueAt: var due } => new(caseRecord, UrgencyLevel.Due, due),
    };
}
