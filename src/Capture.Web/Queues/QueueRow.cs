using Archive.Store.Cases;
using Standing = Archive.Store.Deadlines.DeadlineStanding;
using Capture.Web.Cases;

namespace Capture.Web.Queues;

/// <summary>
/// An open case as the work lists show it (<c>/work</c>, <c>/triage</c>, <c>/queue</c> and their <c>/api</c> twins):
/// who handles it, how its deadline stands (<c>missed</c>, <c>at-risk</c>, <c>on-track</c>, <c>none</c>), how long the
/// customer has waited and when its next alert falls due.
/// </summary>
public sealed record QueueRow(
    string RegistrationNumber,
    string Status,
    string Category,
    string? SuggestedCategory,
    string? Language,
    string? Handler,
    ContactView Contact,
    string? Subject,
    string Priority,
    string DeadlineStanding,
    DateTimeOffset? DueAt,
    int? DaysWaiting,
    DateTimeOffset? NextAlertAt,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The row of a case at <paramref name="now"/>.</summary>
    public static QueueRow From(CaseRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var standing = record.Deadline?.StandingAt(now) ?? Standing.None;
        return new QueueRow(
            record.RegistrationNumber,
            ArchiveWords.Word(record.Status),
            ArchiveWords.Word(record.Category),
            record.SuggestedCategory is { } suggested ? ArchiveWords.Word(suggested) : null,
            record.Language,
            record.Handler,
            new ContactView(record.ContactName, record.ContactEmail),
            record.Subject,
            ArchiveWords.Word(record.Priority),
            ArchiveWords.Word(standing),
            record.Deadline?.DueAt,
            CaseLifecycle.DaysWaiting(record, now),
            record.NextAlertAt,
            record.ReceivedAt);
    }

    /// <summary>
    /// The cases in the order a handler should take them: missed deadlines (longest overdue first), then those at risk,
    /// then by priority, then the customers who have waited longest; the oldest first among equals.
    /// </summary>
    public static IReadOnlyList<QueueRow> ByUrgency(IEnumerable<CaseRecord> cases, DateTimeOffset now) =>
        [.. cases
            .Select(record => (Record: record, Standing: record.Deadline?.StandingAt(now) ?? Standing.None))
            .OrderBy(c => c.Standing switch { Standing.Missed => 0, Standing.AtRisk => 1, _ => 2 })
            .ThenByDescending(c => c.Record.Priority)
            .ThenByDescending(c => CaseLifecycle.DaysWaiting(c.Record, now) ?? -1)
            .ThenBy(c => c.Record.Deadline?.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Record.ReceivedAt)
            .ThenBy(c => c.Record.RegistrationNumber, StringComparer.Ordinal)
            .Select(c => From(c.Record, now))];
}
