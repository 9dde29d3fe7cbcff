using Archive.Store.Cases;

namespace Archive.Store.Tests;

public sealed class ContactTests
{
    [Fact]
    public void OpenCase_FromAKnownAddress_LinksTheSameContactInsteadOfAddingOne()
    {
        using var archive = new ArchiveFixture();
        var first = archive.Store.OpenCase(ArchiveFixture.Case() with { ContactEmail = "Jan.Kowalski@Example.pl" }, [ArchiveFixture.Document("a.pdf", "a")], null).Case;
        archive.Time.Advance(TimeSpan.FromDays(3));

        var second = archive.Store.OpenCase(ArchiveFixture.Case() with { ContactEmail = " jan.kowalski@example.pl " }, [ArchiveFixture.Document("b.pdf", "b")], null).Case;

        var contact = archive.Reopen().FindContact("JAN.KOWALSKI@example.pl");
        Assert.NotNull(contact);
        Assert.Equal(contact.Id, first.ContactId);
        Assert.Equal(contact.Id, second.ContactId);
        Assert.Equal(("jan.kowalski@example.pl", ArchiveFixture.Start, ArchiveFixture.Start.AddDays(3)), (contact.Email, contact.FirstSeenAt, contact.LastSeenAt));
        Assert.Equal([first.RegistrationNumber, second.RegistrationNumber], archive.Store.GetContactHistory(contact.Id).Cases.Select(c => c.RegistrationNumber));
    }

    [Fact]
    public void OpenCase_WithNewDetails_UpdatesTheContactAndKeepsTheirHistory()
    {
        using var archive = new ArchiveFixture();
        var first = archive.Store.OpenCase(ArchiveFixture.Case() with { ContactName = "Jan Kowalski" }, [ArchiveFixture.Document("a.pdf", "a")], null).Case;
        var second = archive.Store.OpenCase(
            ArchiveFixture.Case() with { ContactName = "Jan Kowalski-Nowak", ContactPhone = "+48 601 234 567", ContactPostcode = "00-950" },
            [ArchiveFixture.Document("b.pdf", "b")],
            null).Case;
        archive.Store.OpenCase(ArchiveFixture.Case() with { ContactName = null }, [ArchiveFixture.Document("c.pdf", "c")], null);

        var contact = archive.Store.FindContact("jan@example.com")!;
        var changes = archive.Store.GetContactHistory(contact.Id).Changes;

        Assert.Equal(("Jan Kowalski-Nowak", "+48 601 234 567", "00-950"), (contact.Name, contact.Phone, contact.Postcode));
        Assert.Equal(
            [
                ("name", null, "Jan Kowalski", first.RegistrationNumber),
                ("name", "Jan Kowalski", "Jan Kowalski-Nowak", second.RegistrationNumber),
                ("phone", null, "+48 601 234 567", second.RegistrationNumber),
                ("postcode", null, "00-950", second.RegistrationNumber),
            ],
            changes.Select(c => (c.Field, c.OldValue, c.NewValue, c.RegistrationNumber)));
    }

    [Fact]
    public void OpenCase_WithoutAnAddress_LinksNoContact()
    {
        using var archive = new ArchiveFixture();

        var opened = archive.Store.OpenCase(ArchiveFixture.Case() with { ContactEmail = null }, [ArchiveFixture.Document()], null).Case;

        Assert.Null(opened.ContactId);
        Assert.Null(archive.Store.FindCase(opened.RegistrationNumber)!.ContactId);
    }

    [Fact]
    public void OpenCase_ThatRollsBack_LeavesNoContactBehind()
    {
        using var archive = new ArchiveFixture();

        Assert.Throws<IOException>(() => archive.Store.OpenCase(
            ArchiveFixture.Case() with { ContactEmail = "new@example.com" },
            [ArchiveFixture.Document(open: () => throw new IOException("gone"))],
            null));

        Assert.Null(archive.Store.FindContact("new@example.com"));
    }
}
