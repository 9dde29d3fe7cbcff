using Archive.Store.Contacts;
using Capture.Web.Cases;
using Capture.Worker.Pipeline;

namespace Capture.Worker.Cli.Output;

/// <summary>The JSON shape of <c>capture contact EMAIL --json</c>: a customer, their cases and the history of their details.</summary>
internal sealed record ContactDetailsView(
    string Email,
    string? Name,
    string? Phone,
    string? Address,
    string? Postcode,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    IReadOnlyList<ContactCaseView> Cases,
    IReadOnlyList<ContactChangeView> History)
{
    public static ContactDetailsView? Load(Archive.Store.ArchiveStore store, string email)
    {
        if (store.FindContact(email) is not { } contact)
        {
            return null;
        }

        var (cases, changes) = store.GetContactHistory(contact.Id);
        return new ContactDetailsView(
            contact.Email,
            contact.Name,
            contact.Phone,
            contact.Address,
            contact.Postcode,
            contact.FirstSeenAt,
            contact.LastSeenAt,
            [.. cases.Select(c => new ContactCaseView(c.RegistrationNumber, ArchiveVocabulary.Word(c.Category), ArchiveVocabulary.Word(c.Status), c.OpenedAt, c.Subject))],
            [.. changes.Select(c => new ContactChangeView(c.At, c.Field, c.OldValue, c.NewValue, c.By, c.RegistrationNumber))]);
    }
}

internal sealed record ContactCaseView(string RegistrationNumber, string Category, string Status, DateTimeOffset OpenedAt, string? Subject);

/// <summary>A change of one detail: <see cref="NewValue"/> null when a person cleared it, <see cref="By"/> null when a capture gave it.</summary>
internal sealed record ContactChangeView(DateTimeOffset At, string Field, string? OldValue, string? NewValue, string? By, string RegistrationNumber);
