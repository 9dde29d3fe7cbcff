using Archive.Store.Audit;
using Archive.Store.Cases;

namespace Archive.Store;

/// <summary>
/// A stand-in for the assignment work (branch issue7-assign, <c>AssignCase(string, CaseAssignee, string, string?)</c>),
/// so the alerts can be tested against a real "assigned" history event. Delete this file when that work is merged and
/// call <c>AssignCase(number, CaseAssignee.ToPerson(handler), by)</c> instead.
/// </summary>
public sealed partial class ArchiveStore
{
    /// <summary>Gives a case to a handler and records from whom to whom and who decided (<see cref="CaseEventKinds.Assigned"/>).</summary>
    /// <param name="registrationNumber">The case's registration number (trimmed, case-insensitive).</param>
    /// <param name="handler">The handler's login or e-mail address.</param>
    /// <param name="by">Who decided.</param>
    /// <returns>The updated case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="handler"/> or <paramref name="by"/> is blank.</exception>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord AssignHandler(string registrationNumber, string handler, string by)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(handler);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.FindCaseByRegistrationNumber(registrationNumber.Trim())
                ?? throw CaseNotFoundException.ForRegistrationNumber(registrationNumber);
            var now = _time.GetUtcNow();
            var from = caseRecord.Handler ?? "nobody";
            InTransaction(() =>
            {
                (caseRecord.Handler, caseRecord.UpdatedAt) = (handler.Trim(), now);
                _database.Cases.Update(caseRecord);
                _database.Events.Insert(CaseEvents.By(by.Trim(), caseRecord.Id, now, CaseEventKinds.Assigned, $"{from} → {caseRecord.Handler}."));
            });
            return caseRecord;
        }
    }
}
