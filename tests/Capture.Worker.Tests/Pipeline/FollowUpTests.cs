using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>Follow-ups join the case they belong to instead of opening a new one.</summary>
public sealed class FollowUpTests
{
    [Fact]
    public async Task Import_ReplyQuotingTheRegistrationNumberInItsSubject_JoinsThatCase()
    {
        using var archive = new TestArchive();
        var inbox = archive.Scratch("inbox");
        var first = Path.Combine(inbox, "first.eml");
        await File.WriteAllTextAsync(first, Message("<first@example.com>", "Broken kettle", "My kettle ORD-2026-555001 stopped heating after two days. I want a refund."), TestContext.Current.CancellationToken);
        var opened = await archive.ImportAsync(first);

        var reply = Path.Combine(inbox, "reply.eml");
        await File.WriteAllTextAsync(reply, Message("<second@example.com>", $"Re: [{opened.RegistrationNumber}] Broken kettle", "Here is the photo of the receipt you asked for."), TestContext.Current.CancellationToken);
        var joined = await archive.ImportAsync(reply);

        Assert.Equal(CaptureOutcome.Opened, opened.Outcome);
        Assert.Equal(CaptureOutcome.Joined, joined.Outcome);
        Assert.Equal(opened.RegistrationNumber, joined.RegistrationNumber);
        var record = archive.Store.FindCase(opened.RegistrationNumber!)!;
        Assert.Equal(2, archive.Store.GetDocuments(record.Id).Count);
        Assert.Single(archive.Store.ListCases());
    }

    [Fact]
    public async Task Import_ReplyByInReplyToHeader_JoinsThatCase()
    {
        using var archive = new TestArchive();
        var inbox = archive.Scratch("inbox");
        var first = Path.Combine(inbox, "first.eml");
        await File.WriteAllTextAsync(first, Message("<thread-1@example.com>", "Late delivery", "My order ORD-2026-555002 is two weeks late. This is unacceptable."), TestContext.Current.CancellationToken);
        var opened = await archive.ImportAsync(first);

        var reply = Path.Combine(inbox, "reply.eml");
        await File.WriteAllTextAsync(reply, Message("<thread-2@example.com>", "Re: Late delivery", "Still nothing arrived.", inReplyTo: "<thread-1@example.com>"), TestContext.Current.CancellationToken);
        var joined = await archive.ImportAsync(reply);

        Assert.Equal(CaptureOutcome.Joined, joined.Outcome);
        Assert.Equal(opened.RegistrationNumber, joined.RegistrationNumber);
    }

    [Fact]
    public async Task Import_ReplyNamingTheCaseOnlyInItsReferencesHeader_JoinsThatCase()
    {
        using var archive = new TestArchive();
        var inbox = archive.Scratch("inbox");
        var first = Path.Combine(inbox, "first.eml");
        await File.WriteAllTextAsync(first, Message("<refs-1@example.com>", "Missing part", "The lid of my blender ORD-2026-555006 was missing from the box."), TestContext.Current.CancellationToken);
        var opened = await archive.ImportAsync(first);

        // A client that drops In-Reply-To and changes the subject still keeps the thread in References, oldest first.
        var reply = Path.Combine(inbox, "reply.eml");
        await File.WriteAllTextAsync(
            reply,
            "References: <unrelated-older@example.net> <refs-1@example.com>\r\n" + Message("<refs-2@example.com>", "Any news?", "I am still waiting for the lid."),
            TestContext.Current.CancellationToken);
        var joined = await archive.ImportAsync(reply);

        Assert.Equal(CaptureOutcome.Joined, joined.Outcome);
        Assert.Equal(opened.RegistrationNumber, joined.RegistrationNumber);
        Assert.Single(archive.Store.ListCases());
    }

    [Fact]
    public async Task Import_SameMessageIdTwiceWithDifferentBytes_IsADuplicate()
    {
        using var archive = new TestArchive();
        var inbox = archive.Scratch("inbox");
        var first = Path.Combine(inbox, "a.eml");
        var second = Path.Combine(inbox, "b.eml");
        await File.WriteAllTextAsync(first, Message("<same@example.com>", "Refund", "Please refund order ORD-2026-555003, the parcel was damaged."), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(second, "X-Received-By: second-account\r\n" + Message("<same@example.com>", "Refund", "Please refund order ORD-2026-555003, the parcel was damaged."), TestContext.Current.CancellationToken);

        var opened = await archive.ImportAsync(first);
        var duplicate = await archive.ImportAsync(second);

        Assert.Equal(CaptureOutcome.Duplicate, duplicate.Outcome);
        Assert.Equal(opened.RegistrationNumber, duplicate.RegistrationNumber);
    }

    [Fact]
    public async Task Import_CompanysReplyCopiedToTheMailbox_JoinsTheCaseAndLeavesItPendingOnTheCustomer_UntilTheyAnswer()
    {
        using var archive = new TestArchive(configuration: new Dictionary<string, string?> { ["Metadata:CompanyDomains:0"] = "example.com" });
        var inbox = archive.Scratch("inbox");
        var first = Path.Combine(inbox, "first.eml");
        await File.WriteAllTextAsync(first, Message("<c-1@example.co.uk>", "Cracked screen", "The phone ORD-2026-555004 arrived with a cracked screen. Please replace it."), TestContext.Current.CancellationToken);
        var opened = await archive.ImportAsync(first);

        var answer = Path.Combine(inbox, "answer.eml");
        await File.WriteAllTextAsync(
            answer,
            Message("<a-1@example.com>", "Re: Cracked screen", "Dear Mr Baker, please send us a photo of the screen.", inReplyTo: "<c-1@example.co.uk>", from: "Anna Nowak <anna.nowak@example.com>"),
            TestContext.Current.CancellationToken);
        var replied = await archive.ImportAsync(answer);
        var afterReply = archive.Store.FindCase(opened.RegistrationNumber!)!;

        var again = Path.Combine(inbox, "again.eml");
        await File.WriteAllTextAsync(again, Message("<c-2@example.co.uk>", "Re: Cracked screen", "Here is the photo.", inReplyTo: "<a-1@example.com>"), TestContext.Current.CancellationToken);
        await archive.ImportAsync(again);
        var afterCustomer = archive.Store.FindCase(opened.RegistrationNumber!)!;

        Assert.Equal(CaptureOutcome.Joined, replied.Outcome);
        Assert.Equal(opened.RegistrationNumber, replied.RegistrationNumber);
        Assert.Equal(Archive.Store.Cases.CaseStatus.PendingOnCustomer, afterReply.Status);
        Assert.NotNull(afterReply.FirstResponseAt);
        Assert.Null(afterReply.WaitingSince);
        Assert.Equal(Archive.Store.Cases.CaseStatus.PendingOnCompany, afterCustomer.Status);
        Assert.Equal(afterReply.FirstResponseAt, afterCustomer.FirstResponseAt);
        Assert.Equal("tom.baker@example.co.uk", afterCustomer.ContactEmail);
        Assert.Equal(3, archive.Store.GetDocuments(afterCustomer.Id).Count);
    }

    [Fact]
    public async Task Import_ColleagueForwardingACustomersLetter_CountsAsTheCustomerWriting()
    {
        using var archive = new TestArchive(configuration: new Dictionary<string, string?> { ["Metadata:CompanyDomains:0"] = "example.com" });
        var inbox = archive.Scratch("inbox");
        var first = Path.Combine(inbox, "first.eml");
        await File.WriteAllTextAsync(first, Message("<f-1@example.co.uk>", "Wrong size", "The shoes ORD-2026-555005 are the wrong size. I want to exchange them."), TestContext.Current.CancellationToken);
        var opened = await archive.ImportAsync(first);
        archive.Store.ChangeStatus(opened.RegistrationNumber!, Archive.Store.Cases.CaseStatus.PendingOnCustomer, "anna.nowak");

        var forward = Path.Combine(inbox, "forward.eml");
        var forwarded = $"---------- Forwarded message ---------\r\nFrom: Tom Baker <tom.baker@example.co.uk>\r\nDate: Tue, 24 Nov 2026 09:12\r\nSubject: {opened.RegistrationNumber}\r\nTo: <anna.nowak@example.com>\r\n\r\nI sent the shoes back today.";
        await File.WriteAllTextAsync(forward, Message("<f-2@example.com>", $"Fwd: {opened.RegistrationNumber}", forwarded, from: "Anna Nowak <anna.nowak@example.com>"), TestContext.Current.CancellationToken);
        var joined = await archive.ImportAsync(forward);

        Assert.Equal(CaptureOutcome.Joined, joined.Outcome);
        Assert.Equal(Archive.Store.Cases.CaseStatus.PendingOnCompany, archive.Store.FindCase(opened.RegistrationNumber!)!.Status);
    }

    private static string Message(string messageId, string subject, string body, string? inReplyTo = null, string from = "Tom Baker <tom.baker@example.co.uk>") =>
        $"From: {from}\r\n" +
        "To: complaints@example.com\r\n" +
        $"Subject: {subject}\r\n" +
        $"Message-ID: {messageId}\r\n" +
        (inReplyTo is null ? "" : $"In-Reply-To: {inReplyTo}\r\n") +
        "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "\r\n" +
        body + "\r\n\r\nKind regards,\r\nTom Baker\r\n";
}
