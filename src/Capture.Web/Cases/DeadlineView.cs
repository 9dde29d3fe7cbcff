using System.Globalization;
using Archive.Store.Deadlines;

namespace Capture.Web.Cases;

/// <summary>
/// A case's deadline in <c>capture case show</c>: instants in UTC in the JSON, in the deadline time zone in the text.
/// <see cref="Met"/> is known once the case is closed (closed by the due moment).
/// </summary>
public sealed record DeadlineView(
    string? Rule,
    string Counting,
    int Days,
    DateTimeOffset StartedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? AtRiskAt,
    bool Running,
    DateTimeOffset? PausedSince,
    double? DaysUsedBeforePause,
    DateTimeOffset? StoppedAt,
    bool? Met)
{
    public static DeadlineView? From(CaseDeadline? deadline) => deadline is null ? null : new DeadlineView(
        deadline.Rule,
        deadline.Counting == DeadlineCounting.BusinessDays ? "business-days" : "calendar-days",
        deadline.Days,
        deadline.StartedAt,
        deadline.DueAt,
        deadline.AtRiskAt,
        deadline.IsRunning,
        deadline.PausedSince,
        deadline.UsedBeforePause is { } used ? Math.Round(used.TotalDays, 2) : null,
        deadline.StoppedAt,
        deadline.StoppedAt is { } stopped && deadline.DueAt is { } due ? stopped <= due : null);

    /// <summary>One line for people, e.g. "due 2026-04-03 00:00 +02:00, at risk from 2026-03-30 12:00 +02:00 (complaint: 14 business days)".</summary>
    public string Describe(TimeZoneInfo zone)
    {
        var rule = Rule is null ? "" : $" ({Rule})";
        if (DueAt is not { } due)
        {
            return "none" + rule;
        }

        if (StoppedAt is { } stopped)
        {
            return $"{(Met == true ? "met" : "missed")}: closed {Local(stopped, zone)}, due {Local(due, zone)}{rule}";
        }

        if (PausedSince is { } paused)
        {
            var unit = Counting == "business-days" ? "business days" : "days";
            return string.Create(CultureInfo.InvariantCulture, $"paused since {Local(paused, zone)}, {DaysUsedBeforePause:0.##} of {Days} {unit} used, was due {Local(due, zone)}{rule}");
        }

        return $"due {Local(due, zone)}, at risk from {(AtRiskAt is { } atRisk ? Local(atRisk, zone) : "-")}{rule}";
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
