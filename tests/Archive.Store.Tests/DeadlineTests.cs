using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Deadlines;

namespace Archive.Store.Tests;

/// <summary>
/// Each case's deadline through its life, in Warsaw time. The fixture's clock starts on Saturday 14 March 2026 at 10:30
/// local; Warsaw moves to summer time on 29 March. With the default rules a complaint opened then is due by the end of
/// Thursday 2 April (14 business days counted from Monday 16 March) and at risk from Monday 30 March at noon (10.5 days).
/// </summary>
public sealed class DeadlineTests
{
    private static readonly DateTimeOffset ComplaintDue = new(2026, 4, 2, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ComplaintAtRisk = new(2026, 3, 30, 10, 0, 0, TimeSpan.Zero);

    private static ArchiveFixture Warsaw() => new(o => o.Deadlines.TimeZone = "Europe/Warsaw");

    private static CaseRecord Open(ArchiveFixture archive, CaseCategory category = CaseCategory.Complaint) =>
        archive.Store.OpenCase(ArchiveFixture.Case(category), [ArchiveFixture.Document(content: Guid.NewGuid().ToString())], null).Case;

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="at"/>, then anna.nowak moves the case to <paramref name="status"/>.</summary>
    private static CaseRecord MoveAt(ArchiveFixture archive, CaseRecord caseRecord, DateTimeOffset at, CaseStatus status, string? note = null)
    {
        archive.Time.SetUtcNow(at);
        return archive.Store.ChangeStatus(caseRecord.RegistrationNumber, status, "anna.nowak", note);
    }

    [Theory]
    [InlineData(CaseCategory.Complaint, "complaint: 14 business days", "2026-04-02T22:00:00Z", "2026-03-30T10:00:00Z")]
    [InlineData(CaseCategory.Suggestion, "suggestion: 30 calendar days", "2026-04-13T22:00:00Z", "2026-04-06T10:00:00Z")]
    [InlineData(CaseCategory.Thanks, "thanks: no deadline", null, null)]
    public void OpenCase_GivesTheCaseTheDeadlineOfItsRule_AndItsNextAlertIsTheAtRiskMoment(CaseCategory category, string rule, string? due, string? atRisk)
    {
        using var archive = Warsaw();

        var opened = Open(archive, category);

        var stored = archive.Reopen().FindCase(opened.RegistrationNumber)!;
        var deadline = stored.Deadline!;
        Assert.Equal(rule, deadline.Rule);
        Assert.Equal(due, deadline.DueAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(atRisk, deadline.AtRiskAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(deadline.AtRiskAt, stored.NextAlertAt);
        Assert.Equal(ArchiveFixture.Start, deadline.StartedAt);
        Assert.Equal(CasePriority.Normal, stored.Priority);
        Assert.Equal(due is not null, deadline.IsRunning);
        Assert.Single(archive.Store.GetHistory(opened.Id));
    }

    [Fact]
    public void WithoutATimeZone_DaysEndAtTheClocksLocalMidnight()
    {
        using var archive = new ArchiveFixture();

        var opened = Open(archive);

        // The fake clock's local zone is UTC.
        Assert.Equal(Utc(4, 3, 0), opened.Deadline!.DueAt);
    }

    [Fact]
    public void PendingOnCustomer_PausesTheClock_AndBackToTheCompany_MovesTheDueDateByThePausedBusinessTime()
    {
        using var archive = Warsaw();
        var opened = Open(archive);

        MoveAt(archive, opened, Utc(3, 16, 9, 30), CaseStatus.PendingOnCustomer, "Asked for a photo");
        var paused = archive.Reopen().FindCase(opened.RegistrationNumber)!;
        var pausedDeadline = paused.Deadline!;
        Assert.Equal((Utc(3, 16, 9, 30), TimeSpan.FromHours(10.5)), (pausedDeadline.PausedSince!.Value, pausedDeadline.UsedBeforePause!.Value));
        Assert.False(pausedDeadline.IsRunning);
        Assert.Null(paused.NextAlertAt);

        // A week later: five business days of waiting for the customer.
        var resumed = MoveAt(archive, opened, Utc(3, 23, 9, 30), CaseStatus.PendingOnCompany);

        var stored = archive.Reopen().FindCase(opened.RegistrationNumber)!;
        Assert.Equal(Utc(4, 9, 22), stored.Deadline!.DueAt);
        Assert.Equal(Utc(4, 6, 10), stored.Deadline.AtRiskAt);
        Assert.Equal(Utc(4, 6, 10), stored.NextAlertAt);
        Assert.Equal(resumed.Deadline!.DueAt, stored.Deadline.DueAt);
        Assert.Null(stored.Deadline.PausedSince);
        Assert.Null(stored.Deadline.UsedBeforePause);
        var pause = Assert.Single(stored.Deadline.Pauses);
        Assert.Equal((Utc(3, 16, 9, 30), Utc(3, 23, 9, 30)), (pause.From, pause.To));
        var events = archive.Store.GetHistory(opened.Id).Select(e => (e.Kind, e.Actor, e.Detail)).ToList();
        Assert.Equal(
            [
                (CaseEventKinds.StatusChanged, "anna.nowak", "NotStarted → PendingOnCustomer: Asked for a photo."),
                (CaseEventKinds.DeadlinePaused, "anna.nowak", "Deadline clock paused while the customer owes an answer: 0.44 of 14 business days used."),
                (CaseEventKinds.StatusChanged, "anna.nowak", "PendingOnCustomer → PendingOnCompany."),
                (CaseEventKinds.DeadlineResumed, "anna.nowak", "Deadline clock resumed after 5 business days paused: due 2026-04-10 00:00 +02:00 (was 2026-04-03 00:00 +02:00)."),
            ],
            events.Skip(1));
    }

    [Fact]
    public void ACustomersFollowUp_ResumesThePausedClock_CountingPartsOfDays()
    {
        using var archive = Warsaw();
        var opened = Open(archive);
        MoveAt(archive, opened, Utc(3, 16, 9, 30), CaseStatus.PendingOnCustomer);

        // Wednesday 22:30 local: 2.5 business days after Monday 10:30.
        archive.Time.SetUtcNow(Utc(3, 18, 21, 30));
        var joined = archive.Store.JoinCase(opened.RegistrationNumber, [ArchiveFixture.Document("reply.eml", content: "the photo")], null).Case;

        Assert.Equal(CaseStatus.PendingOnCompany, joined.Status);
        Assert.Equal(Utc(4, 7, 10), joined.Deadline!.DueAt);
        var history = archive.Store.GetHistory(opened.Id);
        var resumed = Assert.Single(history, e => e.Kind == CaseEventKinds.DeadlineResumed);
        Assert.Equal(CaseEventKinds.CaptureActor, resumed.Actor);
        Assert.Equal(CaseEventKinds.StatusChanged, history[history.ToList().IndexOf(resumed) - 1].Kind);
        Assert.Contains("after 2.5 business days paused", resumed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_StopsTheClock_AndTheCaseHasNoDeadlineAlertLeft()
    {
        using var archive = Warsaw();
        var opened = Open(archive);
        archive.Time.Advance(TimeSpan.FromDays(3));

        var closed = archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.Closed, "anna.nowak", "Refunded");

        Assert.Equal(ArchiveFixture.Start.AddDays(3), closed.Deadline!.StoppedAt);
        Assert.Equal(ComplaintDue, closed.Deadline.DueAt);
        Assert.False(closed.Deadline.IsRunning);
        Assert.Null(closed.NextAlertAt);
        Assert.Empty(archive.Store.ListOpenDeadlines());
        Assert.DoesNotContain(archive.Store.GetHistory(opened.Id), e => e.Kind.StartsWith("deadline", StringComparison.Ordinal));
    }

    [Fact]
    public void ClosingWhilePaused_EndsThePause_SoTheDueDateShowsWhetherItWasMet()
    {
        using var archive = Warsaw();
        var opened = Open(archive);
        MoveAt(archive, opened, Utc(3, 16, 9, 30), CaseStatus.PendingOnCustomer);

        var closed = MoveAt(archive, opened, Utc(3, 17, 9, 30), CaseStatus.Closed);

        Assert.Null(closed.Deadline!.PausedSince);
        Assert.Equal(Utc(4, 3, 22), closed.Deadline.DueAt);
        Assert.Equal(Utc(3, 17, 9, 30), closed.Deadline.StoppedAt);
    }

    [Fact]
    public void AReopenedCase_GetsAFreshDeadlineFromTheMomentItReopened()
    {
        using var archive = Warsaw();
        var opened = Open(archive);
        archive.Time.Advance(TimeSpan.FromDays(1));
        archive.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.Closed, "anna.nowak");

        archive.Time.SetUtcNow(Utc(4, 1, 10));
        var reopened = archive.Store.JoinCase(opened.RegistrationNumber, [ArchiveFixture.Document("again.eml", content: "still broken")], null).Case;

        Assert.Equal(CaseStatus.Reopened, reopened.Status);
        var deadline = reopened.Deadline!;
        Assert.Equal((Utc(4, 1, 10), Utc(4, 21, 22), Utc(4, 16, 10)), (deadline.StartedAt, deadline.DueAt!.Value, deadline.AtRiskAt!.Value));
        Assert.Null(deadline.StoppedAt);
        Assert.Empty(deadline.Pauses);
        Assert.Equal(Utc(4, 16, 10), reopened.NextAlertAt);
        var set = archive.Store.GetHistory(opened.Id).Last(e => e.Kind.StartsWith("deadline", StringComparison.Ordinal));
        Assert.Equal((CaseEventKinds.DeadlineSet, CaseEventKinds.CaptureActor), (set.Kind, set.Actor));
        Assert.Equal("Deadline started afresh on reopening, complaint: 14 business days: due 2026-04-22 00:00 +02:00.", set.Detail);
    }

    [Fact]
    public void Reclassify_ChoosesTheNewCategorysRule_KeepingTheTimeAlreadyUsedAndPaused()
    {
        using var archive = Warsaw();
        var opened = Open(archive, CaseCategory.Thanks);
        MoveAt(archive, opened, Utc(3, 16, 9, 30), CaseStatus.PendingOnCustomer);
        MoveAt(archive, opened, Utc(3, 18, 9, 30), CaseStatus.PendingOnCompany);
        archive.Time.SetUtcNow(Utc(3, 19, 9, 30));

        var complaint = archive.Store.Reclassify(opened.RegistrationNumber, CaseCategory.Complaint, "anna.nowak", "Wants a refund");

        // Counted from the arrival on 14 March, plus the two business days the customer owed an answer.
        Assert.Equal(("complaint: 14 business days", Utc(4, 6, 22)), (complaint.Deadline!.Rule, complaint.Deadline.DueAt!.Value));
        Assert.Equal(complaint.Deadline.AtRiskAt, complaint.NextAlertAt);
        var history = archive.Store.GetHistory(opened.Id);
        Assert.Equal([CaseEventKinds.Reclassified, CaseEventKinds.DeadlineSet], history.TakeLast(2).Select(e => e.Kind));
        Assert.Equal(
            "Deadline complaint: 14 business days, counted from 2026-03-14 10:30 +01:00: due 2026-04-07 00:00 +02:00 (was thanks: no deadline).",
            history[^1].Detail);
        Assert.DoesNotContain(history, e => e.Kind is CaseEventKinds.DeadlinePaused or CaseEventKinds.DeadlineResumed);

        // A suggestion counts calendar days: the same two days of pause, now counted as calendar days.
        var suggestion = archive.Store.Reclassify(opened.RegistrationNumber, CaseCategory.Suggestion, "anna.nowak");

        Assert.Equal(("suggestion: 30 calendar days", Utc(4, 15, 22)), (suggestion.Deadline!.Rule, suggestion.Deadline.DueAt!.Value));
    }

    [Fact]
    public void ACaseOpenedBeforeDeadlinesExisted_GetsOneCountingFromItsArrival_AtItsNextMove()
    {
        using var archive = Warsaw();
        var opened = Open(archive);
        archive.Store.Dispose();
        using (var database = new Storage.ArchiveDatabase(Path.Combine(archive.Root, Storage.ArchiveDatabase.FileName)))
        {
            var stored = database.Cases.FindById(opened.Id);
            stored.Deadline = null;
            stored.NextAlertAt = null;
            database.Cases.Update(stored);
        }

        archive.Reopen();
        Assert.Null(archive.Store.FindCase(opened.RegistrationNumber)!.Deadline);
        var moved = MoveAt(archive, opened, Utc(3, 16, 9, 30), CaseStatus.PendingOnCompany);

        Assert.Equal((ArchiveFixture.Start, ComplaintDue), (moved.Deadline!.StartedAt, moved.Deadline.DueAt!.Value));
        Assert.Equal(ComplaintAtRisk, archive.Store.FindCase(opened.RegistrationNumber)!.NextAlertAt);
    }

    [Fact]
    public void NextAlertAt_IsTheEarliestReminderOrDeadlineMoment_AndTheDeadlineCountsOnlyWhileItsClockRuns()
    {
        using var archive = Warsaw();
        var early = Open(archive);
        var late = Open(archive);

        var earlyReminded = archive.Store.SetReminder(early.RegistrationNumber, Utc(3, 20, 8), "Call the courier", "anna.nowak");
        var lateReminded = archive.Store.SetReminder(late.RegistrationNumber, Utc(4, 30, 8), "Check the refund", "anna.nowak");
        Assert.Equal(Utc(3, 20, 8), earlyReminded.NextAlertAt);
        Assert.Equal(ComplaintAtRisk, lateReminded.NextAlertAt);

        var pending = archive.Store.ChangeStatus(late.RegistrationNumber, CaseStatus.PendingOnCustomer, "anna.nowak");
        Assert.Equal(Utc(4, 30, 8), pending.NextAlertAt);
        var back = archive.Store.ChangeStatus(late.RegistrationNumber, CaseStatus.PendingOnCompany, "anna.nowak");
        Assert.Equal(ComplaintAtRisk, back.NextAlertAt);
        var closed = archive.Store.ChangeStatus(early.RegistrationNumber, CaseStatus.Closed, "anna.nowak");
        Assert.Equal(Utc(3, 20, 8), closed.NextAlertAt);
    }

    [Fact]
    public void AlertSchedule_TakesTheEarliestOfRemindersAtRiskAndDue_AndNoDeadlineMomentWhilePaused()
    {
        var caseRecord = new CaseRecord { Deadline = new CaseDeadline { Days = 14, DueAt = ComplaintDue, AtRiskAt = ComplaintAtRisk } };

        Assert.Equal(ComplaintAtRisk, CaseAlertSchedule.NextAlertAt(caseRecord, []));
        Assert.Equal(Utc(3, 1, 0), CaseAlertSchedule.NextAlertAt(caseRecord, [new CaseReminder { DueAt = Utc(3, 1, 0) }]));
        caseRecord.Deadline.AtRiskAt = null;
        Assert.Equal(ComplaintDue, CaseAlertSchedule.NextAlertAt(caseRecord, []));
        caseRecord.Deadline.PausedSince = Utc(3, 20, 0);
        Assert.Null(CaseAlertSchedule.NextAlertAt(caseRecord, []));
    }

    [Fact]
    public void RaisePriority_RaisesWithWhoAndWhy_AndNeverLowersOrRepeats()
    {
        using var archive = Warsaw();
        var opened = Open(archive);
        archive.Time.SetUtcNow(ComplaintAtRisk);

        var high = archive.Store.RaisePriority(opened.RegistrationNumber, CasePriority.High, "alerts", " Deadline at risk: 75% of 14 business days used ");
        var again = archive.Store.RaisePriority(opened.RegistrationNumber, CasePriority.High, "alerts", "again");
        var lower = archive.Store.RaisePriority(opened.RegistrationNumber, CasePriority.Normal, "anna.nowak", "calm down");
        archive.Time.SetUtcNow(ComplaintDue);
        var urgent = archive.Store.RaisePriority(opened.RegistrationNumber, CasePriority.Urgent, "alerts", "Deadline missed");

        Assert.Equal([CasePriority.High, CasePriority.High, CasePriority.High, CasePriority.Urgent], [high.Priority, again.Priority, lower.Priority, urgent.Priority]);
        Assert.Equal(CasePriority.Urgent, archive.Reopen().FindCase(opened.RegistrationNumber)!.Priority);
        var raised = archive.Store.GetHistory(opened.Id).Where(e => e.Kind == CaseEventKinds.PriorityRaised).ToList();
        Assert.Equal(
            [("alerts", ComplaintAtRisk, "Normal → High: Deadline at risk: 75% of 14 business days used"), ("alerts", ComplaintDue, "High → Urgent: Deadline missed")],
            raised.Select(e => (e.Actor, e.At, e.Detail)));
        Assert.Throws<CaseNotFoundException>(() => archive.Store.RaisePriority("C-2026-999999", CasePriority.High, "alerts", "x"));
        Assert.Throws<ArgumentException>(() => archive.Store.RaisePriority(opened.RegistrationNumber, CasePriority.High, "alerts", " "));
    }

    [Fact]
    public void ListOpenDeadlines_GivesTheOpenCasesWithADeadline_SoonestDueFirst()
    {
        using var archive = Warsaw();
        var suggestion = Open(archive, CaseCategory.Suggestion);
        var complaint = Open(archive);
        Open(archive, CaseCategory.Thanks);
        var closed = Open(archive);
        archive.Store.ChangeStatus(closed.RegistrationNumber, CaseStatus.Closed, "anna.nowak");
        archive.Store.ChangeStatus(suggestion.RegistrationNumber, CaseStatus.PendingOnCustomer, "anna.nowak");

        var listed = archive.Store.ListOpenDeadlines();

        Assert.Equal([complaint.RegistrationNumber, suggestion.RegistrationNumber], listed.Select(c => c.RegistrationNumber));
        Assert.Equal([true, false], listed.Select(c => c.Deadline!.IsRunning));
    }
}
