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
}
