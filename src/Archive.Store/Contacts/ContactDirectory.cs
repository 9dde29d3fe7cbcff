using Archive.Store.Cases;
using Archive.Store.Storage;
using LiteDB;

namespace Archive.Store.Contacts;

/// <summary>
/// Links a new case to its customer by e-mail address, creating the contact the first time and recording each detail
/// that changes afterwards. Runs inside the capture's transaction; the caller holds the store's lock.
/// </summary>
internal sealed class ContactDirectory(ArchiveDatabase database)
{
    /// <summary>The contact the case belongs to, or null when the capture gave no e-mail address to recognise it by.</summary>
    public ContactRecord? Link(NewCase newCase, string registrationNumber, DateTimeOffset now)
    {
        if (Normalize(newCase.ContactEmail) is not { } email)
        {
            return null;
        }

        var contact = Find(email);
        var changes = new List<ContactChange>();
        if (contact is null)
        {
            contact = new ContactRecord { Id = ObjectId.NewObjectId().ToString(), Email = email, FirstSeenAt = now };
        }

        contact.LastSeenAt = now;
        contact.Name = Update(contact, "name", contact.Name, newCase.ContactName, registrationNumber, now, changes);
        contact.Phone = Update(contact, "phone", contact.Phone, newCase.ContactPhone, registrationNumber, now, changes);
        contact.Address = Update(contact, "address", contact.Address, newCase.ContactAddress, registrationNumber, now, changes);
        contact.Postcode = Update(contact, "postcode", contact.Postcode, newCase.ContactPostcode, registrationNumber, now, changes);
        database.Contacts.Upsert(contact);
        if (changes.Count > 0)
        {
            database.ContactChanges.InsertBulk(changes);
        }

        return contact;
    }

    /// <summary>
    /// A person's correction of a contact's details from one of its cases: each detail given that differs is changed,
    /// with a <see cref="ContactChange"/> naming who; a null detail keeps what is known, a blank one clears it.
    /// </summary>
    public IReadOnlyList<ContactChange> Edit(ContactRecord contact, ContactEdit edit, string registrationNumber, string by, DateTimeOffset now)
    {
        var changes = new List<ContactChange>();
        contact.Name = Correct(contact, "name", contact.Name, edit.Name, registrationNumber, now, changes);
        contact.Phone = Correct(contact, "phone", contact.Phone, edit.Phone, registrationNumber, now, changes);
        contact.Address = Correct(contact, "address", contact.Address, edit.Address, registrationNumber, now, changes);
        contact.Postcode = Correct(contact, "postcode", contact.Postcode, edit.Postcode, registrationNumber, now, changes);
        foreach (var change in changes)
        {
            change.By = by;
        }

        if (changes.Count > 0)
        {
            database.Contacts.Update(contact);
            database.ContactChanges.InsertBulk(changes);
        }

        return changes;
    }

    public ContactRecord? Find(string email) => Normalize(email) is { } key ? database.Contacts.FindOne(ArchiveDatabase.FieldEquals(nameof(ContactRecord.Email), key)) : null;

    public static string? Normalize(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>A capture that says nothing about a detail keeps what is known; one that says something new changes it, with history.</summary>
    private static string? Update(ContactRecord contact, string field, string? current, string? given, string registrationNumber, DateTimeOffset now, List<ContactChange> changes) =>
        string.IsNullOrWhiteSpace(given) ? current : Change(contact, field, current, given.Trim(), registrationNumber, now, changes);

    /// <summary>A person's correction: null keeps what is known; blank clears it (a capture's blank never does); else the new value.</summary>
    private static string? Correct(ContactRecord contact, string field, string? current, string? given, string registrationNumber, DateTimeOffset now, List<ContactChange> changes) =>
        given is null ? current : Change(contact, field, current, string.IsNullOrWhiteSpace(given) ? null : given.Trim(), registrationNumber, now, changes);

    /// <summary>The detail's value from now on, with a history entry when it differs from <paramref name="current"/>.</summary>
    private static string? Change(ContactRecord contact, string field, string? current, string? value, string registrationNumber, DateTimeOffset now, List<ContactChange> changes)
    {
        if (string.Equals(value, current, StringComparison.Ordinal))
        {
            return current;
        }

        changes.Add(new ContactChange
        {
            Id = ObjectId.NewObjectId().ToString(),
            ContactId = contact.Id,
            Field = field,
            OldValue = current,
            NewValue = value,
            RegistrationNumber = registrationNumber,
            At = now,
        });
        return value;
    }
}
