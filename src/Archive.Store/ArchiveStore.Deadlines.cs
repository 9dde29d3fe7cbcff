using Archive.Store.Audit;
using Archive.Store.Cases;
using LiteDB;

namespace Archive.Store;

/// <summary>Deadlines and priority: what the alert jobs and the daily digest read and do.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>The time zone whose midnights end the deadlines' days (<c>Archive:Deadlines:TimeZone</c>, or the clock's local zone): show due moments in it.</summary>
    public TimeZoneInfo DeadlineTimeZone => _deadlines.TimeZone;

    /// <summary>
    /// Raises a case's priority (a person's decision, or the alert job when a deadline is at risk or missed); the history
    /// records who, from what to what and why. The store never lowers a priority here: asking for the priority the case
    /// already has, or a lower one, changes nothing and records nothing, so a job that runs again after a restart does
    /// no harm.
    /// </summary>
    /// <param name="registrationNumber">The case's registration number (trimmed, case-insensitive).</param>
    /// <param name="priority">The priority to raise it to.</param>
    /// <param name="by">Who raised it (a login, or the job's name).</param>
    /// <param name="reason">Why, e.g. "deadline at risk: 75% of 14 business days used".</param>
    /// <returns>The case, updated or as it was.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> or <paramref name="reason"/> is blank, or <paramref name="priority"/> undefined.</exception>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord RaisePriority(string registrationNumber, CasePriority priority, string by, string reason)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!Enum.IsDefined(priority))
        {
            throw new ArgumentException($"{priority} is not a case priority.", nameof(priority));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.FindCaseByRegistrationNumber(registrationNumber.Trim())
                ?? throw CaseNotFoundException.ForRegistrationNumber(registrationNumber);
            if (priority <= caseRecord.Priority)
            {
                return caseRecord;
            }

            var now = _time.GetUtcNow();
            InTransaction(() => Raise(caseRecord, priority, by.Trim(), reason.Trim(), now));
            return caseRecord;
        }
    }

    /// <summary>Raises the priority inside the caller's transaction and records it; does nothing when it is not higher.</summary>
    private void Raise(CaseRecord caseRecord, CasePriority priority, string by, string reason, DateTimeOffset now)
    {
        if (priority <= caseRecord.Priority)
        {
            return;
        }

        var from = caseRecord.Priority;
        caseRecord.Priority = priority;
        caseRecord.UpdatedAt = now;
        _database.Cases.Update(caseRecord);
        _database.Events.Insert(CaseEvents.By(by, caseRecord.Id, now, CaseEventKinds.PriorityRaised, $"{from} → {priority}: {reason}"));
    }

    /// <summary>
    /// The cases that are not closed and have a deadline, the soonest due first: for the alert jobs and the daily digest.
    /// Cases pending on the customer are included with the due moment as it stood when their clock paused
    /// (<see cref="Deadlines.CaseDeadline.PausedSince"/> says so); <see cref="Deadlines.CaseDeadline.IsRunning"/> picks
    /// the ones whose deadline can fall due now.
    /// </summary>
    /// <returns>The cases.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseRecord> ListOpenDeadlines() => Read(() => _database.Cases
        .Find(c => c.Status != CaseStatus.Closed)
        .Where(c => c.Deadline?.DueAt is not null)
        .OrderBy(c => c.Deadline!.DueAt)
        .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
        .ToList());
}
