using Archive.Store.Storage;

namespace Archive.Store.Cases;

/// <summary>
/// When a case's next alert falls due (<see cref="CaseRecord.NextAlertAt"/>): the earliest of its reminders, its
/// deadline's at-risk moment and its due moment. The deadline counts only while its clock runs (not while the case is
/// pending on the customer, and not once it is closed); reminders count whatever the status, since a handler may well
/// set one to chase a customer who owes an answer. Alerts already past stay the earliest until the alert jobs record
/// them as sent: that is where this schedule is to learn to skip them.
/// </summary>
public static class CaseAlertSchedule
{
    /// <summary>The earliest alert moment of a case.</summary>
    /// <param name="caseRecord">The case.</param>
    /// <param name="reminders">Its reminders.</param>
    /// <returns>The moment, or null when nothing is scheduled.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DateTimeOffset? NextAlertAt(CaseRecord caseRecord, IEnumerable<CaseReminder> reminders)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        ArgumentNullException.ThrowIfNull(reminders);
        var moments = reminders.Select(r => (DateTimeOffset?)r.DueAt);
        if (caseRecord.Deadline is { IsRunning: true } deadline)
        {
            moments = moments.Append(deadline.AtRiskAt).Append(deadline.DueAt);
        }

        // Min over nullable values skips the nulls, and is null when nothing is left.
        return moments.Min();
    }

    /// <summary>Sets <see cref="CaseRecord.NextAlertAt"/> from the case and its stored reminders (the caller saves the case).</summary>
    internal static void Refresh(CaseRecord caseRecord, ArchiveDatabase database) =>
        caseRecord.NextAlertAt = NextAlertAt(caseRecord, database.Reminders.Find(r => r.CaseId == caseRecord.Id));
}
