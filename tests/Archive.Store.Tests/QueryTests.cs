using System.Security.Cryptography;
using System.Text;
using Archive.Store.Cases;
using Archive.Store.Documents;

namespace Archive.Store.Tests;

public sealed class QueryTests
{
    [Theory]
    [InlineData("<abc.123@mail.example.com>")]
    [InlineData("abc.123@mail.example.com")]
    [InlineData("  <abc.123@mail.example.com> ")]
    public void FindCaseByMessageId_IgnoresAngleBrackets(string lookedUp)
    {
        using var archive = new ArchiveFixture();
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("other.eml", messageId: "<other@x>")], null);
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("mail.eml", messageId: "<abc.123@mail.example.com>")], null);

        Assert.Equal(opened.Case.Id, archive.Store.FindCaseByMessageId(lookedUp)?.Id);
        Assert.Equal("abc.123@mail.example.com", opened.Documents[0].MessageId);
        Assert.Null(archive.Store.FindCaseByMessageId("<unknown@x>"));
    }

    [Fact]
    public void ListCasesReceived_ComparesInstants_WhateverOffsetTheSenderWrote()
    {
        using var archive = new ArchiveFixture();
        var day = new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero);
        string Open(DateTimeOffset receivedAt) =>
            archive.Store.OpenCase(ArchiveFixture.Case() with { ReceivedAt = receivedAt }, [ArchiveFixture.Document(content: receivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))], null).Case.RegistrationNumber;

        var eveningInNewYork = Open(new DateTimeOffset(2026, 3, 14, 21, 30, 0, TimeSpan.FromHours(-5)));
        var morningInTokyo = Open(new DateTimeOffset(2026, 3, 15, 8, 0, 0, TimeSpan.FromHours(9)));
        var utcNoon = Open(day.AddHours(12));
        var nextDay = Open(day.AddDays(1));

        Assert.Equal([eveningInNewYork, utcNoon], archive.Store.ListCasesReceived(day, day.AddDays(1)).Select(c => c.RegistrationNumber));
        Assert.Equal([morningInTokyo, eveningInNewYork, utcNoon], archive.Store.ListCasesReceived(null, day.AddDays(1)).Select(c => c.RegistrationNumber));
        Assert.Equal([nextDay], archive.Store.ListCasesReceived(day.AddDays(1), day.AddDays(2)).Select(c => c.RegistrationNumber));
    }

    [Fact]
    public void FindDocumentBySha256_ReturnsTheFirstDocumentWithThatContent()
    {
        using var archive = new ArchiveFixture();
        var first = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("a.pdf", "same bytes")], null).Documents[0];
        archive.Time.Advance(TimeSpan.FromMinutes(1));
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("b.pdf", "same bytes")], null);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("same bytes")));

        var found = archive.Store.FindDocumentBySha256(hash);

        Assert.Equal(first.Id, found?.Id);
        Assert.Null(archive.Store.FindDocumentBySha256(new string('0', 64)));
    }

    [Fact]
    public void ListCases_OrdersByYearAndSequenceEvenWithoutPadding()
    {
        using var archive = new ArchiveFixture(o => o.RegistrationNumberFormat = "{year}-{sequence}");
        for (var i = 0; i < 11; i++)
        {
            archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null);
        }

        var numbers = archive.Store.ListCases().Select(c => c.RegistrationNumber).ToList();

        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"2026-{i}"), numbers);
    }

    [Fact]
    public void Records_RoundTripEveryFieldThroughTheDatabase()
    {
        using var archive = new ArchiveFixture();
        var receivedAt = new DateTimeOffset(2026, 3, 13, 22, 15, 7, TimeSpan.FromHours(2)).AddTicks(1234567);
        var document = ArchiveFixture.Document("mail.eml", messageId: "<m@x>") with
        {
            ReceivedAt = receivedAt,
            References = new DocumentReferences(["ORD-1"], ["FV/2026/03/15"], ["SN-9"], ["POL-7"]),
            Dates = [new DateOnly(2026, 2, 28), new DateOnly(1999, 12, 31)],
            UsedOcr = true,
            OcrConfidence = 0.87,
            PageCount = 3,
        };
        var newCase = ArchiveFixture.Case(CaseCategory.Suggestion) with { ReceivedAt = receivedAt, CategoryConfidence = 0.42 };
        var committed = archive.Store.OpenCase(newCase, [document], null);

        var reopened = archive.Reopen();
        var storedCase = reopened.FindCaseById(committed.Case.Id)!;
        var stored = reopened.GetDocuments(committed.Case.Id).Single();

        Assert.Equal(receivedAt, storedCase.ReceivedAt);
        Assert.Equal(receivedAt.Offset, storedCase.ReceivedAt.Offset);
        Assert.Equal(ArchiveFixture.Start, storedCase.OpenedAt);
        Assert.Equal((CaseCategory.Suggestion, 0.42, CaseStatus.NotStarted, "Jan Kowalski", "jan@example.com", "pl"),
            (storedCase.Category, storedCase.CategoryConfidence, storedCase.Status, storedCase.ContactName, storedCase.ContactEmail, storedCase.Language));
        Assert.Equal(receivedAt, stored.ReceivedAt);
        Assert.Equal(receivedAt.Offset, stored.ReceivedAt.Offset);
        Assert.Equal(ArchiveFixture.Start, stored.CapturedAt);
        Assert.Equal(["ORD-1"], stored.Orders);
        Assert.Equal(["FV/2026/03/15"], stored.Invoices);
        Assert.Equal(["SN-9"], stored.Serials);
        Assert.Equal(["POL-7"], stored.Policies);
        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(1999, 12, 31)], stored.Dates);
        Assert.Equal((true, 0.87, 3, "application/pdf", "m@x", "C-2026-000001"),
            (stored.UsedOcr, stored.OcrConfidence, stored.PageCount, stored.MediaType, stored.MessageId, stored.RegistrationNumber));
    }

    [Fact]
    public void ListDocuments_ReturnsEveryDocumentOfEveryCase()
    {
        using var archive = new ArchiveFixture();
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("a.pdf"), ArchiveFixture.Document("b.pdf")], null);
        archive.Time.Advance(TimeSpan.FromSeconds(1));
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("c.pdf")], null);

        Assert.Equal(["01-a.pdf", "02-b.pdf", "01-c.pdf"], archive.Store.ListDocuments().Select(d => d.StoredFileName));
    }

    [Fact]
    public void Store_AfterDispose_ThrowsObjectDisposed()
    {
        using var archive = new ArchiveFixture();
        archive.Store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => archive.Store.ListCases());
        Assert.Throws<ObjectDisposedException>(() => archive.Store.Claim("k", "s", null));
    }
}
