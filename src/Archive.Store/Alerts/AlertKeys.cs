using System.Globalization;

namespace Archive.Store.Alerts;

/// <summary>
/// The unique keys of alert occurrences (<see cref="CaseAlert.Key"/>). A key names what happened, not when it was
/// noticed, so planning the same stored facts again (next round, after a restart) gives the same keys.
/// </summary>
public static class AlertKeys
{
    /// <summary>The role of a deadline alert to the case's handler.</summary>
    public const string HandlerRole = "handler";

    /// <summary>The role of a deadline alert escalated to the team's supervisor.</summary>
    public const string SupervisorRole = "supervisor";

    /// <summary>A reminder falling due: one alert per reminder.</summary>
    /// <param name="reminderId">The reminder's identifier.</param>
    /// <returns>The key.</returns>
    public static string Reminder(string reminderId) => $"reminder:{reminderId}";

    /// <summary>An assignment: one alert per assignment event.</summary>
    /// <param name="caseId">The case's identifier.</param>
    /// <param name="eventId">The history event's identifier.</param>
    /// <returns>The key.</returns>
    public static string Assigned(string caseId, string eventId) => $"assigned:{caseId}:{eventId}";

    /// <summary>
    /// A customer's follow-up: one alert per capture joining the case. A follow-up with attachments adds several
    /// documents (one history event each) at the same instant, and is still one reply.
    /// </summary>
    /// <param name="caseId">The case's identifier.</param>
    /// <param name="at">When the follow-up joined.</param>
    /// <returns>The key.</returns>
    public static string CustomerReply(string caseId, DateTimeOffset at) => $"customer-reply:{caseId}:{Instant(at)}";

    /// <summary>
    /// A deadline point reached, for one recipient role (<c>handler</c>, <c>supervisor</c>). The deadline's end is part
    /// of the key: a deadline moved by a pause is a new deadline, and warns again when it is at risk again.
    /// </summary>
    /// <param name="kind"><see cref="AlertKind.DeadlineAtRisk"/> or <see cref="AlertKind.DeadlineMissed"/>.</param>
    /// <param name="caseId">The case's identifier.</param>
    /// <param name="deadline">When the deadline ends.</param>
    /// <param name="role">Who is told: <c>handler</c> or <c>supervisor</c>.</param>
    /// <returns>The key.</returns>
    public static string Deadline(AlertKind kind, string caseId, DateTimeOffset deadline, string role) =>
        $"{(kind == AlertKind.DeadlineAtRisk ? "deadline-at-risk" : "deadline-missed")}:{caseId}:{Instant(deadline)}:{role}";

    /// <summary>A handler's digest: one per handler per local day.</summary>
    /// <param name="person">The handler's login or address (compared without case).</param>
    /// <param name="date">The local date.</param>
    /// <returns>The key.</returns>
    public static string Digest(string person, DateOnly date) =>
        $"digest:{person.Trim().ToLowerInvariant()}:{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddTHHmmss.fffffffZ", CultureInfo.InvariantCulture);
}
