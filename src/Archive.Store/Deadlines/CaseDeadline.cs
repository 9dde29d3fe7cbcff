using LiteDB;

namespace Archive.Store.Deadlines;

/// <summary>
/// A case's response deadline and its clock, embedded in <see cref="Cases.CaseRecord.Deadline"/>. Mutable properties exist
/// for the database mapping; the store keeps them (see <see cref="DeadlineClock"/>).
/// </summary>
/// <remarks>
/// The clock is kept as its start and its pauses rather than as a running total, so that the due moment can be
/// computed again in other units when the case changes category (a complaint counted in business days becoming a
/// suggestion counted in calendar days keeps the time the customer has already waited). Every case has a clock, also
/// one no rule gives a deadline (<see cref="DueAt"/> null), so that a thank-you letter reclassified as a complaint
/// is due counting from its arrival. Instants are UTC.
/// </remarks>
public sealed class CaseDeadline
{
    /// <summary>The rule that gave the deadline, as <see cref="DeadlineRule.Describe"/> words it; null when no rule matched.</summary>
    public string? Rule { get; set; }

    /// <summary>How <see cref="Days"/> are counted.</summary>
    public DeadlineCounting Counting { get; set; }

    /// <summary>The total allowance in days; 0 when the case has no deadline.</summary>
    public int Days { get; set; }

    /// <summary>The share of <see cref="Days"/> after which the deadline is at risk.</summary>
    public double AtRiskFraction { get; set; }

    /// <summary>When the clock started: the opening letter's arrival, or the moment a closed case was reopened. Its day does not count.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The finished pauses, oldest first: the times the company waited for the customer.</summary>
    public List<DeadlinePause> Pauses { get; set; } = [];

    /// <summary>Since when the clock stands still because the case is pending on the customer; null while it runs.</summary>
    public DateTimeOffset? PausedSince { get; set; }

    /// <summary>While paused, the time used before the pause, in the deadline's days (1 day = 24 h, see <see cref="BusinessCalendar"/>); null while the clock runs.</summary>
    public TimeSpan? UsedBeforePause { get; set; }

    /// <summary>When the answer is due. While paused, the due moment as it stood when the pause began: it moves later by the paused time when the case returns to the company.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When the deadline becomes at risk (<see cref="AtRiskFraction"/> of the time used); moves with <see cref="DueAt"/>.</summary>
    public DateTimeOffset? AtRiskAt { get; set; }

    /// <summary>When the case was closed, which stops the clock; a deadline was met when this is not after <see cref="DueAt"/>.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>True while the deadline can still fall due: there is one, and the clock neither paused nor stopped.</summary>
    [BsonIgnore]
    public bool IsRunning => DueAt is not null && PausedSince is null && StoppedAt is null;

    /// <summary>
    /// Where the deadline stands at <paramref name="now"/>. A paused clock stands as it did when it paused (resuming
    /// moves the due moment later by the paused time), so it is missed or at risk only if it was then.
    /// </summary>
    /// <param name="now">The instant.</param>
    /// <returns>The standing; <see cref="DeadlineStanding.None"/> when there is no due moment.</returns>
    public DeadlineStanding StandingAt(DateTimeOffset now)
    {
        if (DueAt is not { } due)
        {
            return DeadlineStanding.None;
        }

        if (StoppedAt is { } stopped)
        {
            return stopped <= due ? DeadlineStanding.Met : DeadlineStanding.ClosedLate;
        }

        var clock = PausedSince ?? now;
        return due <= clock ? DeadlineStanding.Missed
            : AtRiskAt <= clock ? DeadlineStanding.AtRisk
            : DeadlineStanding.OnTrack;
    }
}
