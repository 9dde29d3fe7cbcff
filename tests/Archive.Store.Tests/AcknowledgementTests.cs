using Archive.Store.Audit;
using Archive.Store.Cases;

namespace Archive.Store.Tests;

/// <summary>A case's acknowledgement to its customer: planned with the case, claimed once, its outcome kept and in the history.</summary>
public sealed class AcknowledgementTests
{
    [Fact]
    public void OpenCase_WithAnAcknowledgementToSend_KeepsItPendingAcrossARestart()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAcknowledgement.ToSend(" jan@example.com "));

        var reopened = archive.Reopen();
        var pending = Assert.Single(reopened.ListAcknowledgements(AcknowledgementState.Pending));
        Assert.Equal(opened.Id, pending.Id);
        Assert.Equal("jan@example.com", pending.Acknowledgement!.Recipient);
        Assert.Equal(ArchiveFixture.Start, pending.Acknowledgement.At);
        Assert.DoesNotContain(reopened.GetHistory(opened.Id), e => e.Kind.StartsWith("acknowledgement", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenCase_WithASkippedAcknowledgement_RecordsWhyInTheHistory()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAcknowledgement.NotSent("noreply@shop.example", "noreply@shop.example is an automatic mailbox that nobody reads."));

        Assert.Equal(AcknowledgementState.Skipped, archive.Store.FindCaseById(opened.Id)!.Acknowledgement!.State);
        Assert.Empty(archive.Store.ListAcknowledgements(AcknowledgementState.Pending));
        var skipped = Assert.Single(archive.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.AcknowledgementSkipped);
        Assert.Equal("No acknowledgement: noreply@shop.example is an automatic mailbox that nobody reads.", skipped.Detail);
    }

    [Fact]
    public void OpenCase_WithoutAnAcknowledgement_RecordsNothing()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, null);

        Assert.Null(archive.Store.FindCaseById(opened.Id)!.Acknowledgement);
        Assert.Empty(archive.Store.ListAcknowledgements(AcknowledgementState.Pending));
    }

    [Fact]
    public void Claim_IsGrantedOnce_AndSentKeepsTheMessageIdInTheHistory()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAcknowledgement.ToSend("jan@example.com"));
        archive.Time.Advance(TimeSpan.FromMinutes(1));

        var claimed = archive.Store.ClaimAcknowledgement(opened.Id, "<ack-1@shop.example>", "pl");
        var again = archive.Store.ClaimAcknowledgement(opened.Id, "<ack-2@shop.example>", "pl");
        var sent = archive.Store.RecordAcknowledgement(opened.Id, AcknowledgementState.Sending, AcknowledgementState.Sent);

        Assert.NotNull(claimed);
        Assert.Null(again);
        var acknowledgement = archive.Reopen().FindCaseById(opened.Id)!.Acknowledgement!;
        Assert.Equal(AcknowledgementState.Sent, acknowledgement.State);
        Assert.Equal("ack-1@shop.example", acknowledgement.MessageId);
        Assert.Equal("pl", acknowledgement.Language);
        Assert.Equal(ArchiveFixture.Start.AddMinutes(1), acknowledgement.At);
        Assert.NotNull(sent);
        var history = Assert.Single(archive.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.AcknowledgementSent);
        Assert.Equal("Acknowledgement <ack-1@shop.example> (pl) sent to jan@example.com.", history.Detail);
    }

    [Fact]
    public void RecordOutcome_OnlyFromTheStateTheCallerSaw()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAcknowledgement.ToSend("jan@example.com"));

        Assert.Null(archive.Store.RecordAcknowledgement(opened.Id, AcknowledgementState.Sending, AcknowledgementState.Sent));
        Assert.Throws<ArgumentException>(() => archive.Store.RecordAcknowledgement(opened.Id, AcknowledgementState.Pending, AcknowledgementState.Sent));
        Assert.Throws<ArgumentException>(() => archive.Store.RecordAcknowledgement(opened.Id, AcknowledgementState.Sending, AcknowledgementState.Failed, " "));
        Assert.Throws<CaseNotFoundException>(() => archive.Store.RecordAcknowledgement("no-such-case", AcknowledgementState.Pending, AcknowledgementState.Skipped, "x"));

        Assert.Equal(AcknowledgementState.Pending, archive.Store.FindCaseById(opened.Id)!.Acknowledgement!.State);
    }

    [Theory]
    [InlineData(AcknowledgementState.Failed, CaseEventKinds.AcknowledgementFailed, "550 Mailbox refused")]
    [InlineData(AcknowledgementState.Uncertain, CaseEventKinds.AcknowledgementUncertain, "(Capture stopped while it was being sent.)")]
    public void ClaimedAcknowledgement_RefusedOrInterrupted_KeepsTheReasonAndIsNotPendingAgain(AcknowledgementState outcome, string kind, string reason)
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAcknowledgement.ToSend("jan@example.com"));
        archive.Store.ClaimAcknowledgement(opened.Id, "ack-3@shop.example", "en");

        archive.Store.RecordAcknowledgement(opened.Id, AcknowledgementState.Sending, outcome, reason);

        var acknowledgement = archive.Store.FindCaseById(opened.Id)!.Acknowledgement!;
        Assert.Equal(outcome, acknowledgement.State);
        Assert.Equal(reason, acknowledgement.Reason);
        Assert.Empty(archive.Store.ListAcknowledgements(AcknowledgementState.Pending));
        Assert.Null(archive.Store.ClaimAcknowledgement(opened.Id, "ack-4@shop.example", "en"));
        var history = Assert.Single(archive.Store.GetHistory(opened.Id), e => e.Kind == kind);
        Assert.Contains("<ack-3@shop.example>", history.Detail, StringComparison.Ordinal);
        Assert.Contains(reason, history.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerSaysLater_TheClaimGoesBackToPending_WithoutAMessageIdOrHistory()
    {
        using var archive = new ArchiveFixture();
        var opened = Open(archive, CaseAcknowledgement.ToSend("jan@example.com"));
        archive.Store.ClaimAcknowledgement(opened.Id, "ack-5@shop.example", "en");

        archive.Store.RecordAcknowledgement(opened.Id, AcknowledgementState.Sending, AcknowledgementState.Pending, "451 Try again later");

        var pending = Assert.Single(archive.Store.ListAcknowledgements(AcknowledgementState.Pending));
        Assert.Null(pending.Acknowledgement!.MessageId);
        Assert.Null(archive.Store.FindCaseByMessageId("ack-5@shop.example"));
        Assert.DoesNotContain(archive.Store.GetHistory(opened.Id), e => e.Kind.StartsWith("acknowledgement", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ack-6@shop.example")]
    [InlineData("<ack-6@shop.example>")]
    [InlineData(" <ack-6@shop.example> ")]
    public void FindCaseByMessageId_FindsTheCaseWhoseAcknowledgementCarriesIt(string lookedUp)
    {
        using var archive = new ArchiveFixture();
        Open(archive, CaseAcknowledgement.ToSend("other@example.com"));
        var opened = Open(archive, CaseAcknowledgement.ToSend("jan@example.com"));
        archive.Store.ClaimAcknowledgement(opened.Id, "<ack-6@shop.example>", "pl");
        archive.Store.RecordAcknowledgement(opened.Id, AcknowledgementState.Sending, AcknowledgementState.Sent);

        Assert.Equal(opened.Id, archive.Reopen().FindCaseByMessageId(lookedUp)?.Id);
    }

    private static CaseRecord Open(ArchiveFixture archive, CaseAcknowledgement? acknowledgement) =>
        archive.Store.OpenCase(ArchiveFixture.Case() with { Acknowledgement = acknowledgement }, [ArchiveFixture.Document(content: Guid.NewGuid().ToString())], null).Case;
}
