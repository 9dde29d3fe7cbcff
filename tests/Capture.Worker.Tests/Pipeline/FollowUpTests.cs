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

    private static string Message(string messageId, string subject, string body, string? inReplyTo = null) =>
        "From: Tom Baker <tom.baker@example.co.uk>\r\n" +
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
