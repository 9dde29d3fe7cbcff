using Archive.Store.Audit;
using Archive.Store.Cases;

namespace Archive.Store.Tests;

/// <summary>The status lifecycle: allowed moves only, each in the history, and the customer's waiting clock.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public void ChangeStatus_WalksTheLifecycle_RecordingWhoAndWhy_AndKeepingTheWaitingClock()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        var waitingAtOpening = opened.WaitingSince;

        archive.Time.Advance(TimeSpan.FromDays(1));
        var askedCustomer = archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.PendingOnCustomer, "anna.nowak", "Asked for a photo");
        var waitingWhileCustomerOwes = askedCustomer.WaitingSince;
        archive.Time.Advance(TimeSpan.FromDays(3));
        var answered = archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.PendingOnCompany, "anna.nowak");
        var waitingAgainSince = answered.WaitingSince;
        archive.Time.Advance(TimeSpan.FromDays(1));
        var closed = archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.Closed, "anna.nowak", "Refunded");

        Assert.Equal(ArchiveFixture.Start, waitingAtOpening);
        Assert.Null(waitingWhileCustomerOwes);
        Assert.Equal(ArchiveFixture.Start.AddDays(4), waitingAgainSince);
        Assert.Null(closed.WaitingSince);
        var stored = archive.Reopen().FindCase(opened.RegistrationNumber)!;
        Assert.Equal(CaseStatus.Closed, stored.Status);
        var changes = archive.Store.GetHistory(opened.Id).Where(e => e.Kind == CaseEventKinds.StatusChanged).ToList();
        Assert.Equal(
            ["NotStarted → PendingOnCustomer: Asked for a photo.", "PendingOnCustomer → PendingOnCompany.", "PendingOnCompany → Closed: Refunded."],
            changes.Select(e => e.Detail));
        Assert.All(changes, e => Assert.Equal("anna.nowak", e.Actor));
        Assert.Equal(ArchiveFixture.Start.AddDays(5), changes[^1].At);
    }

    [Theory]
    [InlineData(CaseStatus.Reopened, "NotStarted", "PendingOnCompany, PendingOnCustomer, Closed")]
    [InlineData(CaseStatus.NotStarted, "NotStarted", null)]
    public void ChangeStatus_RefusesMovesTheLifecycleDoesNotAllow_NamingTheAllowedOnes(CaseStatus to, string from, string? allowed)
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        if (allowed is null)
        {
            // The status the case already has: nothing changes and nothing is recorded.
            archive.Store.ChangeStatus(opened.RegistrationNumber, to, "anna.nowak");
            Assert.Single(archive.Store.GetHistory(opened.Id));
            return;
        }

        var refused = Assert.Throws<StatusChangeRefusedException>(() => archive.Store.ChangeStatus(opened.RegistrationNumber, to, "anna.nowak"));

        Assert.Contains($"is {from}; it cannot move to {to}", refused.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, refused.Message, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.NotStarted, archive.Store.FindCase(opened.RegistrationNumber)!.Status);
    }

    [Fact]
    public void ClosedCase_CannotGoBackToPendingOnCompany_OnlyReopen()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.Closed, "anna.nowak");

        Assert.Throws<StatusChangeRefusedException>(() => archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.PendingOnCompany, "anna.nowak"));
        var reopened = archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.Reopened, "anna.nowak", "Customer phoned");

        Assert.Equal(CaseStatus.Reopened, reopened.Status);
        Assert.Equal(ArchiveFixture.Start, reopened.WaitingSince);
    }

    [Theory]
    [InlineData(CaseStatus.PendingOnCustomer, CaseStatus.PendingOnCompany)]
    [InlineData(CaseStatus.Closed, CaseStatus.Reopened)]
    [InlineData(CaseStatus.PendingOnCompany, CaseStatus.PendingOnCompany)]
    public void CustomersFollowUp_MovesTheCaseSoTheCompanyOwesTheAnswer(CaseStatus before, CaseStatus after)
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        archive.Store.ChangeStatus(opened.RegistrationNumber, before, "anna.nowak");
        archive.Time.Advance(TimeSpan.FromDays(2));

        var joined = archive.Store.JoinCase(opened.RegistrationNumber, [ArchiveFixture.Document("reply.eml", content: "another letter")], null).Case;

        Assert.Equal(after, joined.Status);
        Assert.Equal(after, archive.Store.FindCase(opened.RegistrationNumber)!.Status);
        var expectedWaitingSince = before == CaseStatus.PendingOnCompany ? ArchiveFixture.Start : ArchiveFixture.Start.AddDays(2);
        Assert.Equal(expectedWaitingSince, joined.WaitingSince);
        var last = archive.Store.GetHistory(opened.Id).Last(e => e.Kind == CaseEventKinds.StatusChanged);
        Assert.Equal(before == after ? "anna.nowak" : CaseEventKinds.CaptureActor, last.Actor);
    }

    [Theory]
    [InlineData(CaseStatus.NotStarted, CaseStatus.PendingOnCustomer)]
    [InlineData(CaseStatus.PendingOnCompany, CaseStatus.PendingOnCustomer)]
    [InlineData(CaseStatus.Reopened, CaseStatus.PendingOnCustomer)]
    [InlineData(CaseStatus.PendingOnCustomer, CaseStatus.PendingOnCustomer)]
    [InlineData(CaseStatus.Closed, CaseStatus.Closed)]
    public void CompanysReply_MovesTheCaseSoTheCustomerOwesTheAnswer_ButLeavesAClosedCaseClosed(CaseStatus before, CaseStatus after)
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        if (before == CaseStatus.Reopened)
        {
            archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.Closed, "anna.nowak");
        }

        archive.Store.ChangeStatus(opened.RegistrationNumber, before, "anna.nowak");
        archive.Time.Advance(TimeSpan.FromDays(2));

        var joined = archive.Store.JoinCase(opened.RegistrationNumber, [ArchiveFixture.Document("answer.eml", content: "our answer")], null, MessageAuthor.Company).Case;

        Assert.Equal(after, joined.Status);
        Assert.Equal(after, archive.Reopen().FindCase(opened.RegistrationNumber)!.Status);
        Assert.Null(joined.WaitingSince);
        var history = archive.Store.GetHistory(opened.Id);
        Assert.Contains(history, e => e.Kind == CaseEventKinds.DocumentAdded && e.Detail.Contains("the company's reply", StringComparison.Ordinal));
        if (before != after)
        {
            var moved = history.Last(e => e.Kind == CaseEventKinds.StatusChanged);
            Assert.Equal($"{before} → {after}: the company replied to the customer.", moved.Detail);
            Assert.Equal(CaseEventKinds.CaptureActor, moved.Actor);
        }
    }

    [Fact]
    public void JoinCase_AReplyAHandlerWrote_CreditsTheFilingTheStatusChangeAndThePauseToThem_AndKeepsThemOnTheDocument()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        archive.Time.Advance(TimeSpan.FromDays(1));

        var reply = ArchiveFixture.Document("reply.eml", content: "our answer", source: "web reply by anna.nowak") with { WrittenBy = " anna.nowak " };
        var joined = archive.Store.JoinCase(opened.RegistrationNumber, [reply], null, MessageAuthor.Company);
        archive.Time.Advance(TimeSpan.FromDays(1));
        archive.Store.JoinCase(opened.RegistrationNumber, [ArchiveFixture.Document("again.eml", content: "customer again")], null);

        Assert.Equal(CaseStatus.PendingOnCustomer, joined.Case.Status);
        var reopened = archive.Reopen();
        var documents = reopened.GetDocuments(opened.Id);
        Assert.Equal([null, "anna.nowak", null], documents.Select(d => d.WrittenBy));
        var history = reopened.GetHistory(opened.Id);
        var byReply = history.Where(e => e.At == ArchiveFixture.Start.AddDays(1)).ToList();
        Assert.Equal(
            [CaseEventKinds.StatusChanged, CaseEventKinds.DeadlinePaused, CaseEventKinds.DocumentAdded],
            byReply.Select(e => e.Kind));
        Assert.All(byReply, e => Assert.Equal("anna.nowak", e.Actor));
        Assert.All(history.Where(e => e.At == ArchiveFixture.Start.AddDays(2)), e => Assert.Equal(CaseEventKinds.CaptureActor, e.Actor));
        Assert.DoesNotContain(byReply, ArchiveStore.IsCustomerMessage);
        Assert.Contains(history.Where(e => e.At == ArchiveFixture.Start.AddDays(2)), ArchiveStore.IsCustomerMessage);
    }

    [Fact]
    public void FirstResponse_IsWhenTheCustomerFirstStoppedWaiting_AndClosedAtFollowsClosingAndReopening()
    {
        using var archive = new ArchiveFixture();
        var number = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case.RegistrationNumber;
        Assert.Null(archive.Store.FindCase(number)!.FirstResponseAt);

        archive.Time.Advance(TimeSpan.FromDays(3));
        archive.Store.JoinCase(number, [ArchiveFixture.Document("answer.eml", content: "our answer")], null, MessageAuthor.Company);
        archive.Time.Advance(TimeSpan.FromDays(1));
        archive.Store.JoinCase(number, [ArchiveFixture.Document("again.eml", content: "customer again")], null);
        archive.Time.Advance(TimeSpan.FromDays(1));
        archive.Store.JoinCase(number, [ArchiveFixture.Document("answer2.eml", content: "our second answer")], null, MessageAuthor.Company);
        archive.Time.Advance(TimeSpan.FromDays(1));
        var closed = archive.Store.ChangeStatus(number, CaseStatus.Closed, "anna.nowak");
        var reopened = archive.Store.ChangeStatus(number, CaseStatus.Reopened, "anna.nowak");

        Assert.Equal(ArchiveFixture.Start.AddDays(3), closed.FirstResponseAt);
        Assert.Equal(ArchiveFixture.Start.AddDays(6), closed.ClosedAt);
        Assert.Equal(ArchiveFixture.Start.AddDays(3), reopened.FirstResponseAt);
        Assert.Null(reopened.ClosedAt);
    }

    [Fact]
    public void ClosingWithoutAReply_CountsAsTheFirstResponse()
    {
        using var archive = new ArchiveFixture();
        var number = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case.RegistrationNumber;
        archive.Time.Advance(TimeSpan.FromHours(5));

        var closed = archive.Store.ChangeStatus(number, CaseStatus.Closed, "anna.nowak", "Thanks noted");

        Assert.Equal(ArchiveFixture.Start.AddHours(5), closed.FirstResponseAt);
        Assert.Equal(closed.FirstResponseAt, closed.ClosedAt);
    }
}
