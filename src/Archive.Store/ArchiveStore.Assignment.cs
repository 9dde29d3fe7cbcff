using Archive.Store.Audit;
using Archive.Store.Cases;
using LiteDB;

namespace Archive.Store;

/// <summary>Who handles a case: assignment by a person's decision, and the handlers' workload a team's choice rests on.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// Gives a case to a person, or to the member of a team with the fewest open cases (ties: the member listed first),
    /// and records in its history from whom to whom, who decided and why. The team's member is chosen inside the
    /// store's lock, so concurrent assignments see each other's counts. Assigning the case to the handler and team it
    /// already has changes nothing.
    /// </summary>
    /// <param name="registrationNumber">The case's registration number (trimmed, case-insensitive).</param>
    /// <param name="assignee">The person or team; the caller has resolved it against its roster.</param>
    /// <param name="by">Who decided.</param>
    /// <param name="note">Why, if they said.</param>
    /// <returns>The updated case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> or <paramref name="assignee"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is blank.</exception>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord AssignCase(string registrationNumber, CaseAssignee assignee, string by, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        ArgumentNullException.ThrowIfNull(assignee);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.FindCaseByRegistrationNumber(registrationNumber.Trim())
                ?? throw CaseNotFoundException.ForRegistrationNumber(registrationNumber);
            var choice = new CaseAssignments(_database).Choose(assignee);
            if (choice.Handler == caseRecord.Handler && choice.Team == caseRecord.Team)
            {
                return caseRecord;
            }

            var now = _time.GetUtcNow();
            var from = caseRecord.Handler ?? "nobody";
            var reason = string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}";
            InTransaction(() =>
            {
                (caseRecord.Handler, caseRecord.Team, caseRecord.UpdatedAt) = (choice.Handler, choice.Team, now);
                _database.Cases.Update(caseRecord);
                _database.Events.Insert(CaseEvents.By(by.Trim(), caseRecord.Id, now, CaseEventKinds.Assigned, $"{from} → {choice.Description}{reason}."));
            });
            return caseRecord;
        }
    }

    /// <summary>How many open and total cases each handler holds, as a team's least-loaded choice counts them.</summary>
    /// <param name="logins">The handlers' logins (compared exactly as stored on the cases).</param>
    /// <returns>One entry per login, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logins"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<HandlerWorkload> GetWorkload(IEnumerable<string> logins)
    {
        ArgumentNullException.ThrowIfNull(logins);
        var list = logins.ToList();
        return Read(() => new CaseAssignments(_database).Workload(list));
    }
}
