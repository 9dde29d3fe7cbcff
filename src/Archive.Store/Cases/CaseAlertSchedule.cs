using Archive.Store.Alerts;
using Archive.Store.Storage;

namespace Archive.Store.Cases;

/// <summary>
/// When a case's next alert falls due (<see cref="CaseRecord.NextAlertAt"/>): the earliest of its reminders, its
/// deadline's at-risk moment and its due moment that the alert jobs have not handled yet. The deadline counts only while
/// its clock runs (not while the case is pending on the customer, and not once it is closed); reminders count whatever
/// the status, since a handler may well set one to chase a customer who owes an answer. Skipping what is already
/// alerted keeps a case out of <c>alert:due</c> and out of the alert jobs' due list once its alerts are handled.
/// </summary>
public static class CaseAlertSchedule
{
    /// <summary>The earliest alert moment of a case.</summary>
    /// <param name="caseRecord">The case.</param>
    /// <param name="reminders">Its reminders.</param>
    /// <param name="isAlerted">Whether the alert with this key (<see cref="AlertKeys"/>) is recorded already; null when none is.</param>
    /// <returns>The moment, or null when nothing is scheduled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseRecord"/> or <paramref name="reminders"/> is null.</exception>
    public static DateTimeOffset? NextAlertAt(CaseRecord caseRecord, IEnumerable<CaseReminder> reminders, Func<string, bool>? isAlerted = null)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        ArgumentNullException.ThrowIfNull(reminders);
        isAlerted ??= _ => false;
        var moments = reminders.Where(r => !isAlerted(AlertKeys.Reminder(r.Id))).Select(r => (DateTimeOffset?)r.DueAt);
        // Once the deadline is missed and alerted, its at-risk moment is past for good: an at-risk alert never follows a
        // missed one, so waiting for it would leave the case due for ever.
        if (caseRecord.Deadline is { IsRunning: true, DueAt: { } due } deadline &&
            !isAlerted(AlertKeys.Deadline(AlertKind.DeadlineMissed, caseRecord.Id, due, AlertKeys.HandlerRole)))
        {
            if (!isAlerted(AlertKeys.Deadline(AlertKind.DeadlineAtRisk, caseRecord.Id, due, AlertKeys.HandlerRole)))
            {
                moments = moments.Append(deadline.AtRiskAt);
            }

            moments = moments.Append(due);
        }

        // Min over nullable values skips the nulls, and is null when nothing is left.
        return moments.Min();
    }

    /// <summary>Sets <see cref="CaseRecord.NextAlertAt"/> from the case, its stored reminders and its recorded alerts (the caller saves the case).</summary>
    internal static void Refresh(CaseRecord caseRecord, ArchiveDatabase database) =>
        caseRecord.NextAlertAt = NextAlertAt(
            caseRecord,
            database.Reminders.Find(ArchiveDatabase.FieldEquals(nameof(CaseReminder.CaseId), caseRecord.Id)),
            key => IsAlerted(database, key));

    /// <summary>True when an alert with this key is recorded, in whatever state.</summary>
    internal static bool IsAlerted(ArchiveDatabase database, string key) => database.Alerts.Exists(ArchiveDatabase.FieldEquals(nameof(CaseAlert.Key), key));
}
