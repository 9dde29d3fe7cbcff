using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Contacts;

namespace Archive.Store.Tests;

/// <summary>A person's correction of a contact's details from a case: history naming who, the case's name, nulls kept, blanks cleared.</summary>
public sealed class ContactEditTests
{
    [Fact]
    public void EditContact_ChangedDetails_AreKeptWithWhoChangedThemAndTheCaseTakesTheName()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case() with { ContactName = "Jan Kowalski", ContactPhone = "+48 601 234 567" }, [ArchiveFixture.Document()], null).Case;
        archive.Time.Advance(TimeSpan.FromHours(2));

        var updated = archive.Store.EditContact(opened.RegistrationNumber, new ContactEdit("Jan Kowalski-Nowak", "+48 601 234 567", null, "00-950"), "anna");

        var store = archive.Reopen();
        var contact = store.FindContact("jan@example.com")!;
        Assert.Equal(("Jan Kowalski-Nowak", "+48 601 234 567", null, "00-950"), (contact.Name, contact.Phone, contact.Address, contact.Postcode));
        Assert.Equal("Jan Kowalski-Nowak", updated.ContactName);
        Assert.Equal("Jan Kowalski-Nowak", store.FindCase(opened.RegistrationNumber)!.ContactName);
        var edits = store.GetContactHistory(contact.Id).Changes.Where(c => c.By is not null);
        Assert.Equal(
            [("name", "Jan Kowalski", "Jan Kowalski-Nowak", "anna"), ("postcode", null, "00-950", "anna")],
            edits.Select(c => (c.Field, c.OldValue, c.NewValue, c.By)));
        Assert.Contains(store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.ContactEdited && e.Actor == "anna" && e.Detail.Contains("Jan Kowalski-Nowak", StringComparison.Ordinal));
    }

    [Fact]
    public void EditContact_AnEmptyDetail_ClearsIt_RecordedAsClearedByWho_WhileANullOneKeepsIt()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case() with { ContactName = "Jan Kowalski", ContactPhone = "+48 601 234 567", ContactPostcode = "00-950" }, [ArchiveFixture.Document()], null).Case;

        archive.Store.EditContact(opened.RegistrationNumber, new ContactEdit(null, "", null, " "), "anna");

        var store = archive.Reopen();
        var contact = store.FindContact("jan@example.com")!;
        Assert.Equal(("Jan Kowalski", null, null), (contact.Name, contact.Phone, contact.Postcode));
        var edits = store.GetContactHistory(contact.Id).Changes.Where(c => c.By is not null);
        Assert.Equal(
            [("phone", "+48 601 234 567", null, "anna"), ("postcode", "00-950", null, "anna")],
            edits.Select(c => (c.Field, c.OldValue, c.NewValue, c.By)));
        Assert.Contains(store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.ContactEdited && e.Detail.Contains("phone: +48 601 234 567 → cleared", StringComparison.Ordinal));
    }

    [Fact]
    public void EditContact_NothingDifferent_ChangesNothing()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case() with { ContactName = "Jan Kowalski" }, [ArchiveFixture.Document()], null).Case;

        archive.Store.EditContact(opened.RegistrationNumber, new ContactEdit("Jan Kowalski", null, null, null), "anna");

        Assert.DoesNotContain(archive.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.ContactEdited);
    }

    [Fact]
    public void EditContact_ACaseWithoutAnAddress_IsRefused()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case() with { ContactEmail = null }, [ArchiveFixture.Document()], null).Case;

        Assert.Throws<InvalidOperationException>(() => archive.Store.EditContact(opened.RegistrationNumber, new ContactEdit("X", null, null, null), "anna"));
        Assert.Throws<CaseNotFoundException>(() => archive.Store.EditContact("C-1999-999999", new ContactEdit("X", null, null, null), "anna"));
    }
}
