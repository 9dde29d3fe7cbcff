using Archive.Store.Alerts;
using Archive.Store.Audit;
using Archive.Store.Cases;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Notifications.Alerts;

/// <summary>
/// Deadline alerts from the deadlines the store keeps on each case (<see cref="AlertHost.DeadlineSettings"/>): at risk
/// (priority raised, handler told) and missed (escalated to the supervisor of the case's team in the roster), once
/// each, on a fake clock.
/// </summary>
public sealed class DeadlineAlertTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>
{
    [Fact]
    public async Task DeadlineAtRisk_RaisesThePriorityAndAlertsTheHandlerOnce()
    {
        const string handler = "ewa.atrisk@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.OpenHandledBy(handler);
        var deadline = host.Deadline(opened);

        await host.RunAsync();
        await host.RunAtAsync(deadline.AtRiskAt!.Value - TimeSpan.FromMinutes(1));
        Assert.Empty(smtp.DeliveredTo(handler));
        await host.RunAtAsync(deadline.AtRiskAt.Value);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.RunAsync();
        host.Restart();
        await host.RunAsync();

        var mail = Assert.Single(smtp.DeliveredTo(handler));
        Assert.Equal($"[{opened.RegistrationNumber}] Termin zagrożony: Broken kettle", mail.Message.Subject);
        Assert.Contains($"upływa {AlertHost.Local(deadline.DueAt)}", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Priorytet sprawy został podniesiony", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Single(host.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.PriorityRaised);
    }

    [Fact]
    public async Task DeadlineMissed_EscalatesToTheSupervisorOfTheCasesTeam_AndTellsTheHandler_Once()
    {
        const string handler = "ewa.missed";
        var roster = new AlertSettings()
            .Person(handler, "ewa.missed@handlers.example")
            .Person("boss.missed", "boss.missed@handlers.example", "en")
            .Team("complaints-missed", "boss.missed", handler);
        using var host = new AlertHost(smtp, roster);
        var opened = host.Open();
        host.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson(handler, "complaints-missed"), "lead");
        var deadline = host.Deadline(opened);
        await host.RunAsync();

        await host.RunAtAsync(deadline.AtRiskAt!.Value);
        await host.RunAtAsync(deadline.DueAt!.Value);
        host.Time.Advance(TimeSpan.FromDays(1));
        await host.RunAsync();

        var escalated = Assert.Single(smtp.DeliveredTo("boss.missed@handlers.example"));
        Assert.Equal($"[{opened.RegistrationNumber}] Deadline missed: Broken kettle", escalated.Message.Subject);
        Assert.Equal("en", escalated.Language());
        Assert.Contains($"Handler: {handler}", escalated.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"it ended {AlertHost.Local(deadline.DueAt)}", escalated.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal(
            ["Nowa sprawa przydzielona", "Termin przekroczony", "Termin zagrożony"],
            smtp.DeliveredTo("ewa.missed@handlers.example").Select(m => m.Message.Subject!.Split("] ")[1].Split(':')[0]).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Normal → High", "High → Urgent"],
            host.Store.GetHistory(opened.Id).Where(e => e.Kind == CaseEventKinds.PriorityRaised).Select(e => e.Detail.Split(':')[0]));
    }

    [Fact]
    public async Task DeadlineMissedWithNoSupervisor_IsRecordedAsSkippedForTheSupervisor()
    {
        const string handler = "ewa.nosupervisor@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.OpenHandledBy(handler);

        await host.RunAtAsync(host.Deadline(opened).DueAt!.Value);

        var alerts = host.Store.GetAlerts(opened.Id).Where(a => a.Kind == AlertKind.DeadlineMissed).ToList();
        Assert.Equal([AlertState.Sent, AlertState.Skipped], alerts.OrderBy(a => a.State).Select(a => a.State));
        Assert.Contains("no supervisor", alerts.Single(a => a.State == AlertState.Skipped).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlinePausedWhileTheCustomerOwesAnAnswer_SendsNoAlert_AndOnceResumedAlertsAtTheLaterAtRiskMoment()
    {
        const string handler = "ewa.paused@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.OpenHandledBy(handler);
        host.Time.Advance(TimeSpan.FromDays(1));

        host.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.PendingOnCustomer, handler, "asked for the receipt");
        var paused = host.Deadline(opened);
        await host.RunAtAsync(paused.DueAt!.Value + TimeSpan.FromDays(1));
        var alertsWhilePaused = host.Store.GetAlerts(opened.Id).Count;
        var nextAlertWhilePaused = host.Case(opened).NextAlertAt;
        host.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.PendingOnCompany, handler, "receipt received");
        var resumed = host.Deadline(opened);
        await host.RunAtAsync(resumed.AtRiskAt!.Value - TimeSpan.FromMinutes(1));
        var alertsBeforeAtRisk = host.Store.GetAlerts(opened.Id).Count;
        await host.RunAtAsync(resumed.AtRiskAt.Value);

        Assert.NotNull(paused.PausedSince);
        Assert.Equal((0, (DateTimeOffset?)null, 0), (alertsWhilePaused, nextAlertWhilePaused, alertsBeforeAtRisk));
        Assert.True(resumed.DueAt > paused.DueAt, $"resumed due {resumed.DueAt} should be later than {paused.DueAt}");
        Assert.True(resumed.AtRiskAt > paused.DueAt + TimeSpan.FromDays(1), "the resumed deadline is at risk after the resumption");
        var alert = Assert.Single(host.Store.GetAlerts(opened.Id));
        Assert.Equal((AlertKind.DeadlineAtRisk, resumed.DueAt), (alert.Kind, alert.DeadlineAt));
        var mail = Assert.Single(smtp.DeliveredTo(handler));
        Assert.Contains($"upływa {AlertHost.Local(resumed.DueAt)}", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineAtRisk_RaisesThePriorityToHighWithoutLoweringAHigherOne_AndMovesTheNextAlertToTheDueMoment()
    {
        const string handler = "ewa.priority@handlers.example";
        using var host = new AlertHost(smtp);
        var normal = host.OpenHandledBy(handler, "Normal case");
        var raised = host.OpenHandledBy(handler, "Raised by a person");
        host.Store.RaisePriority(raised.RegistrationNumber, CasePriority.Urgent, "lead", "the customer is a journalist");
        var deadline = host.Deadline(normal);
        var nextAlertBefore = host.Case(normal).NextAlertAt;

        await host.RunAtAsync(deadline.AtRiskAt!.Value);

        Assert.Equal(deadline.AtRiskAt, nextAlertBefore);
        Assert.Equal((CasePriority.High, deadline.DueAt), (host.Case(normal).Priority, host.Case(normal).NextAlertAt));
        Assert.Equal(CasePriority.Urgent, host.Case(raised).Priority);
        Assert.Equal(["lead"], host.Store.GetHistory(raised.Id).Where(e => e.Kind == CaseEventKinds.PriorityRaised).Select(e => e.Actor));
        Assert.Equal(2, smtp.DeliveredTo(handler).Count(m => m.Message.Subject!.Contains("Termin zagrożony", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DeadlineMissedWithNoAlertBefore_MakesTheCaseUrgent_AndNothingIsLeftToAlert()
    {
        const string handler = "ewa.urgent@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.OpenHandledBy(handler);

        await host.RunAtAsync(host.Deadline(opened).DueAt!.Value + TimeSpan.FromHours(1));

        Assert.Equal((CasePriority.Urgent, (DateTimeOffset?)null), (host.Case(opened).Priority, host.Case(opened).NextAlertAt));
        var raised = Assert.Single(host.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.PriorityRaised);
        Assert.Contains("Normal → Urgent", raised.Detail, StringComparison.Ordinal);
        Assert.Single(smtp.DeliveredTo(handler), m => m.Message.Subject!.Contains("Termin przekroczony", StringComparison.Ordinal));
    }
}
