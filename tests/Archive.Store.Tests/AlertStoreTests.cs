using Archive.Store.Alerts;
using Archive.Store.Audit;
using Archive.Store.Cases;

namespace Archive.Store.Tests;

/// <summary>The store side of alert e-mails: each occurrence recorded once, what is due read from stored facts, the history kept.</summary>
public sealed class AlertStoreTests
{
    [Fact]
    public void ClaimAlerts_RecordsAKeyOnce_EvenAfterARestart()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        var first = archive.Store.ClaimAlerts([Sending(opened, "assigned:1")]);
        var again = archive.Store.ClaimAlerts([Sending(opened, "assigned:1"), Sending(opened, "assigned:1")]);
        var reopened = archive.Reopen();
        var afterRestart = reopened.ClaimAlerts([Sending(opened, "assigned:1")]);

        Assert.Single(first);
        Assert.Empty(again);
        Assert.Empty(afterRestart);
        var pending = Assert.Single(reopened.ListPendingAlerts());
        Assert.Equal("<alert-assigned:1@shop.example>", pending.MessageId);
        Assert.Equal(["assigned:1"], reopened.FindAlertKeys(["assigned:1", "assigned:2"]));
    }

    [Fact]
    public void DueReminder_IsListedUntilClaimed_AndTheCasesNextAlertMovesToItsNextReminder()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        archive.Store.SetReminder(opened.RegistrationNumber, ArchiveFixture.Start.AddDays(1), "Call the courier", "anna");
        archive.Store.SetReminder(opened.RegistrationNumber, ArchiveFixture.Start.AddDays(3), "Close if no answer", "anna");

        Assert.Empty(archive.Store.ListDueReminders(ArchiveFixture.Start.AddHours(23)));
        var due = Assert.Single(archive.Store.ListDueReminders(ArchiveFixture.Start.AddDays(2)));
        Assert.Equal("Call the courier", due.Reminder.Note);

        archive.Store.ClaimAlerts([Sending(opened, AlertKeys.Reminder(due.Reminder.Id), AlertKind.Reminder)]);

        Assert.Empty(archive.Store.ListDueReminders(ArchiveFixture.Start.AddDays(2)));
        Assert.Equal(ArchiveFixture.Start.AddDays(3), archive.Reopen().FindCase(opened.RegistrationNumber)!.NextAlertAt);
        Assert.Equal("Close if no answer", Assert.Single(archive.Store.ListDueReminders(ArchiveFixture.Start.AddDays(3))).Reminder.Note);
    }

    [Fact]
    public void AlertEvents_AreReadSinceTheWatermark_WhichSurvivesARestart()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        archive.Time.Advance(TimeSpan.FromMinutes(1));
        archive.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson("anna"), "lead");
        archive.Time.Advance(TimeSpan.FromSeconds(1));
        string[] kinds = [CaseEventKinds.Assigned, CaseEventKinds.DocumentAdded];

        var first = archive.Store.ReadAlertEvents(kinds, TimeSpan.FromDays(1));
        archive.Store.AdvanceAlertEvents(first.ReadAt);
        archive.Time.Advance(TimeSpan.FromMinutes(1));
        archive.Store.JoinCase(opened.RegistrationNumber, [ArchiveFixture.Document("reply.pdf", "%PDF-1.7 reply")], null);
        var second = archive.Reopen().ReadAlertEvents(kinds, TimeSpan.FromDays(1));

        Assert.Equal([CaseEventKinds.Assigned], first.Events.Select(e => e.Event.Kind));
        Assert.Equal("anna", first.Events[0].Case.Handler);
        Assert.Equal([CaseEventKinds.DocumentAdded], second.Events.Select(e => e.Event.Kind));
    }

    [Fact]
    public void DeadlineAlertsToTheHandler_RaiseThePriority_HighAtRiskThenUrgentWhenMissed_NeverTwiceToTheSameLevel()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        var deadline = ArchiveFixture.Start.AddDays(14);

        archive.Store.ClaimAlerts([Deadline(opened, AlertKind.DeadlineAtRisk, deadline, AlertKeys.HandlerRole)]);
        var atRisk = archive.Store.FindCase(opened.RegistrationNumber)!.Priority;
        archive.Store.ClaimAlerts([
            Deadline(opened, AlertKind.DeadlineMissed, deadline, AlertKeys.HandlerRole),
            Deadline(opened, AlertKind.DeadlineMissed, deadline, AlertKeys.SupervisorRole)]);
        var missed = archive.Store.FindCase(opened.RegistrationNumber)!.Priority;
        archive.Store.ClaimAlerts([Deadline(opened, AlertKind.DeadlineMissed, deadline.AddDays(5), AlertKeys.HandlerRole)]);

        Assert.Equal((CasePriority.High, CasePriority.Urgent), (atRisk, missed));
        Assert.Equal(2, Raised(archive, opened));
        Assert.Equal(CasePriority.Urgent, archive.Store.FindCase(opened.RegistrationNumber)!.Priority);
        Assert.Equal(4, archive.Store.GetAlerts(opened.Id).Count);
    }

    [Fact]
    public void SentRefusedAndSkippedAlerts_AreInTheCaseHistory_AndOnlyPassingFailuresStayPending()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        var skipped = Sending(opened, "customer-reply:1", AlertKind.CustomerReply);
        (skipped.State, skipped.Recipient, skipped.MessageId, skipped.Error) = (AlertState.Skipped, null, null, "nobody to tell");
        archive.Store.ClaimAlerts([Sending(opened, "a"), Sending(opened, "b"), Sending(opened, "c"), skipped]);

        archive.Store.MarkAlertSent("a");
        archive.Store.MarkAlertFailed("b", "550 Mailbox refused");
        archive.Store.RecordAlertAttempt("c", "Connection refused");
        var reopened = archive.Reopen();

        Assert.Equal(["c"], reopened.ListPendingAlerts().Select(a => a.Key));
        Assert.Equal(1, reopened.FindAlert("c")!.Attempts);
        Assert.Equal(AlertState.Sent, reopened.FindAlert("a")!.State);
        Assert.Equal(ArchiveFixture.Start, reopened.FindAlert("a")!.SentAt);
        Assert.Equal("550 Mailbox refused", reopened.FindAlert("b")!.Error);
        var history = reopened.GetHistory(opened.Id).Where(e => e.Actor == CaseEventKinds.AlertsActor).ToList();
        Assert.Equal(
            ["Customer reply alert for anna not sent: nobody to tell", "Assignment alert sent to anna@handlers.example (<alert-a@shop.example>).", "Assignment alert to anna@handlers.example refused: 550 Mailbox refused"],
            history.Select(e => e.Detail));
        Assert.Equal([CaseEventKinds.AlertNotSent, CaseEventKinds.AlertSent, CaseEventKinds.AlertNotSent], history.Select(e => e.Kind));
    }

    [Fact]
    public void MissedDeadlineAlertClaimedWithoutAnAtRiskOne_LeavesTheCaseNothingToWaitFor()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        var due = opened.Deadline!.DueAt!.Value;

        archive.Store.ClaimAlerts([Deadline(opened, AlertKind.DeadlineMissed, due, AlertKeys.HandlerRole)]);

        Assert.Equal(opened.Deadline.AtRiskAt, opened.NextAlertAt);
        Assert.Null(archive.Store.FindCase(opened.RegistrationNumber)!.NextAlertAt);
    }

    [Fact]
    public void ClaimAlerts_RefusesAnAlertToSendWithoutARecipient()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        var alert = Sending(opened, "x");
        alert.Recipient = null;

        Assert.Throws<ArgumentException>(() => archive.Store.ClaimAlerts([alert]));
        Assert.Empty(archive.Store.GetAlerts(opened.Id));
    }

    [Fact]
    public void ListOpenCases_LeavesClosedCasesOut()
    {
        using var archive = new ArchiveFixture();
        var open = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;
        var closed = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document("other.pdf", "%PDF-1.7 other")], null).Case;
        archive.Store.ChangeStatus(closed.RegistrationNumber, CaseStatus.Closed, "anna");

        Assert.Equal([open.RegistrationNumber], archive.Store.ListOpenCases().Select(c => c.RegistrationNumber));
    }

    private static int Raised(ArchiveFixture archive, CaseRecord opened) =>
        archive.Store.GetHistory(opened.Id).Count(e => e.Kind == CaseEventKinds.PriorityRaised);

    private static CaseAlert Deadline(CaseRecord caseRecord, AlertKind kind, DateTimeOffset deadline, string role)
    {
        var alert = Sending(caseRecord, AlertKeys.Deadline(kind, caseRecord.Id, deadline, role), kind);
        alert.DeadlineAt = deadline;
        return alert;
    }

    private static CaseAlert Sending(CaseRecord caseRecord, string key, AlertKind kind = AlertKind.Assigned) => new()
    {
        Key = key,
        Kind = kind,
        CaseId = caseRecord.Id,
        RegistrationNumber = caseRecord.RegistrationNumber,
        Person = "anna",
        Recipient = "anna@handlers.example",
        Language = "pl",
        DueAt = ArchiveFixture.Start,
        State = AlertState.Sending,
        MessageId = $"<alert-{key}@shop.example>",
    };
}
