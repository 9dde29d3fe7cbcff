using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Classification;
using Archive.Store.Contacts;
using LiteDB;

namespace Archive.Store;

/// <summary>The archive's record of people's decisions and of customers: category decisions, the triage queue, contacts.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// Sets a case's category by a person's decision (from the triage queue, or correcting the classifier). The case
    /// takes the category with confidence 1, a <see cref="CategoryCorrection"/> is kept as a training example, and the
    /// history records who, when and why. Choosing the category the case already has changes nothing.
    /// </summary>
    /// <param name="registrationNumber">The case's registration number (trimmed, case-insensitive).</param>
    /// <param name="category">The category; not <see cref="CaseCategory.Unclassified"/>.</param>
    /// <param name="by">Who decided.</param>
    /// <param name="note">Why, if they said.</param>
    /// <returns>The updated case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="category"/> is unclassified or undefined, or <paramref name="by"/> is blank.</exception>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord Reclassify(string registrationNumber, CaseCategory category, string by, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (category == CaseCategory.Unclassified || !Enum.IsDefined(category))
        {
            throw new ArgumentException($"A case can be classified as {string.Join(", ", Enum.GetValues<CaseCategory>().Skip(1))}, not {category}.", nameof(category));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.FindCaseByRegistrationNumber(registrationNumber.Trim())
                ?? throw CaseNotFoundException.ForRegistrationNumber(registrationNumber);
            return _reclassification.Apply(caseRecord, category, by.Trim(), string.IsNullOrWhiteSpace(note) ? null : note.Trim(), _time.GetUtcNow()).Case;
        }
    }

    /// <summary>
    /// Moves a case to another status by a person's decision, if the lifecycle allows it (<see cref="CaseLifecycle"/>);
    /// the history records who, when, from what to what and why. Choosing the status the case already has changes nothing.
    /// </summary>
    /// <param name="registrationNumber">The case's registration number (trimmed, case-insensitive).</param>
    /// <param name="status">The new status.</param>
    /// <param name="by">Who decided.</param>
    /// <param name="note">Why, if they said.</param>
    /// <returns>The updated case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is blank or <paramref name="status"/> undefined.</exception>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="StatusChangeRefusedException">The lifecycle does not allow the move; the message names the allowed ones.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord ChangeStatus(string registrationNumber, CaseStatus status, string by, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentException($"{status} is not a case status.", nameof(status));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.FindCaseByRegistrationNumber(registrationNumber.Trim())
                ?? throw CaseNotFoundException.ForRegistrationNumber(registrationNumber);
            if (caseRecord.Status == status)
            {
                return caseRecord;
            }

            if (!CaseLifecycle.CanMove(caseRecord.Status, status))
            {
                throw StatusChangeRefusedException.For(caseRecord, status);
            }

            var now = _time.GetUtcNow();
            var from = caseRecord.Status;
            var reason = string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}";
            InTransaction(() =>
            {
                var deadlineChange = CaseLifecycle.Apply(caseRecord, status, now, _deadlines);
                _database.Cases.Update(caseRecord);
                _database.Events.Insert(CaseEvents.By(by.Trim(), caseRecord.Id, now, CaseEventKinds.StatusChanged, $"{from} → {status}{reason}."));
                _database.Events.Insert(CaseEvents.Of(deadlineChange, by.Trim(), caseRecord.Id, now));
            });
            return caseRecord;
        }
    }

    /// <summary>
    /// Sets a reminder on a case (a date and a note). The case's <see cref="CaseRecord.NextAlertAt"/> becomes the
    /// earliest of its alerts (<see cref="CaseAlertSchedule"/>), so the case is found by <c>alert:due</c> once the date has passed; the history records
    /// who set it, for when and why.
    /// </summary>
    /// <param name="registrationNumber">The case's registration number (trimmed, case-insensitive).</param>
    /// <param name="dueAt">When the reminder falls due.</param>
    /// <param name="note">What to do then.</param>
    /// <param name="by">Who set it.</param>
    /// <returns>The updated case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="note"/> or <paramref name="by"/> is blank.</exception>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord SetReminder(string registrationNumber, DateTimeOffset dueAt, string note, string by)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.FindCaseByRegistrationNumber(registrationNumber.Trim())
                ?? throw CaseNotFoundException.ForRegistrationNumber(registrationNumber);
            var now = _time.GetUtcNow();
            var reminder = new CaseReminder
            {
                Id = ObjectId.NewObjectId().ToString(),
                CaseId = caseRecord.Id,
                DueAt = dueAt,
                Note = note.Trim(),
                By = by.Trim(),
                SetAt = now,
            };
            InTransaction(() =>
            {
                _database.Reminders.Insert(reminder);
                CaseAlertSchedule.Refresh(caseRecord, _database);
                caseRecord.UpdatedAt = now;
                _database.Cases.Update(caseRecord);
                _database.Events.Insert(CaseEvents.By(reminder.By, caseRecord.Id, now, CaseEventKinds.ReminderSet,
                    $"Reminder for {dueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {reminder.Note}"));
            });
            return caseRecord;
        }
    }

    /// <summary>A case's reminders, earliest first.</summary>
    /// <param name="caseId">The case's identifier.</param>
    /// <returns>The reminders (empty for an unknown case).</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseReminder> GetReminders(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return Read(() => _database.Reminders.Find(r => r.CaseId == caseId).OrderBy(r => r.DueAt).ToList());
    }

    /// <summary>The triage queue: open cases the classifier did not dare to classify, oldest first.</summary>
    /// <returns>The unclassified cases that are not closed.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseRecord> ListTriage() => Read(() => _database.Cases
        .Find(c => c.Category == CaseCategory.Unclassified && c.Status != CaseStatus.Closed)
        .OrderBy(c => c.ReceivedAt)
        .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
        .ToList());

    /// <summary>Every category decision people made, oldest first: extra training examples for the classifier.</summary>
    /// <returns>The corrections.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CategoryCorrection> ListCorrections() => Read(() => _database.Corrections.FindAll()
        .OrderBy(c => c.At)
        .ThenBy(c => c.Id, StringComparer.Ordinal)
        .ToList());

    /// <summary>Finds the customer known by this e-mail address (ignoring case and surrounding white space).</summary>
    /// <param name="email">The address.</param>
    /// <returns>The contact, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="email"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ContactRecord? FindContact(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Read(() => _contacts.Find(email));
    }

    /// <summary>A contact's cases, oldest first, and the history of its details.</summary>
    /// <param name="contactId">The contact's identifier.</param>
    /// <returns>The cases and the changes (both empty for an unknown contact).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contactId"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public (IReadOnlyList<CaseRecord> Cases, IReadOnlyList<ContactChange> Changes) GetContactHistory(string contactId)
    {
        ArgumentNullException.ThrowIfNull(contactId);
        return Read<(IReadOnlyList<CaseRecord>, IReadOnlyList<ContactChange>)>(() => (
            _database.Cases.Find(c => c.ContactId == contactId).OrderBy(c => c.OpenedAt).ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal).ToList(),
            _database.ContactChanges.Find(c => c.ContactId == contactId).OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal).ToList()));
    }
}
