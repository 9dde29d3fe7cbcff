using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Contacts;
using LiteDB;

namespace Archive.Store;

/// <summary>People's corrections of a customer's details.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// Corrects the details of a case's contact (the customer known by the case's e-mail address). Each detail that
    /// differs is changed on the contact with a <see cref="ContactChange"/> naming who and from which case; the case
    /// takes the new name, and its history records what changed. Details that are null or unchanged change nothing; a
    /// blank one clears the detail, recorded as cleared.
    /// </summary>
    /// <param name="registrationNumber">The case's registration number (trimmed, case-insensitive).</param>
    /// <param name="edit">The details given.</param>
    /// <param name="by">Who corrected them.</param>
    /// <returns>The case, updated when the name changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> or <paramref name="edit"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is blank.</exception>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="InvalidOperationException">The case has no contact: its capture gave no e-mail address.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord EditContact(string registrationNumber, ContactEdit edit, string by)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.FindCaseByRegistrationNumber(registrationNumber.Trim())
                ?? throw CaseNotFoundException.ForRegistrationNumber(registrationNumber);
            var contact = (caseRecord.ContactEmail is { } email ? _contacts.Find(email) : null)
                ?? throw new InvalidOperationException($"{caseRecord.RegistrationNumber} has no contact to correct: its capture gave no e-mail address.");
            var now = _time.GetUtcNow();
            InTransaction(() =>
            {
                var changes = _contacts.Edit(contact, edit, caseRecord.RegistrationNumber, by.Trim(), now);
                if (changes.Count == 0)
                {
                    return;
                }

                caseRecord.ContactName = contact.Name;
                caseRecord.UpdatedAt = now;
                _database.Cases.Update(caseRecord);
                _database.Events.Insert(CaseEvents.By(by.Trim(), caseRecord.Id, now, CaseEventKinds.ContactEdited,
                    string.Join("; ", changes.Select(c => $"{c.Field}: {c.OldValue ?? "-"} → {c.NewValue ?? "cleared"}"))));
            });
            return caseRecord;
        }
    }
}
