using Archive.Store.Cases;
using Archive.Store.Storage;

namespace Archive.Store.Alerts;

/// <summary>
/// When a case's next alert falls due (<see cref="CaseRecord.NextAlertAt"/>): its earliest reminder that has not been
/// alerted yet. Skipping the reminders already claimed keeps a case out of the due list once its alerts are handled,
/// so each round reads only the cases with something left to alert.
/// </summary>
/// <remarks>
/// Deadline points are not part of it on this branch: the deadline alerts are planned from the open cases' deadlines
/// directly. When deadlines land on the case, their at-risk and due instants (not yet alerted) join the minimum here.
/// </remarks>
internal static class AlertSchedule
{
    /// <summary>The earliest reminder of the case without an alert record, or null.</summary>
    public static DateTimeOffset? NextAlertAt(ArchiveDatabase database, string caseId) => database.Reminders
        .Find(r => r.CaseId == caseId)
        .Where(r => !IsAlerted(database, AlertKeys.Reminder(r.Id)))
        .Select(r => (DateTimeOffset?)r.DueAt)
        .Min();

    public static bool IsAlerted(ArchiveDatabase database, string key) => database.Alerts.Exists(a => a.Key == key);
}
