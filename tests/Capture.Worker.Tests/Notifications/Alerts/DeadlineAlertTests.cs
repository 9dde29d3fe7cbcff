using Archive.Store.Alerts;
using Archive.Store.Audit;
using Archive.Store.Cases;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Notifications.Alerts;

/// <summary>Deadline alerts: at risk (priority raised, handler told) and missed (escalated to the supervisor), once each, on a fake clock.</summary>
public sealed class DeadlineAlertTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>
{
    [Fact]
    public async Task DeadlineAtRisk_RaisesThePriorityAndAlertsTheHandlerOnce()
    {
        const string handler = "ewa.atrisk@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.Open();
        host.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson(handler), handler);
        host.Deadlines.Set(opened, atRiskAt: AlertHost.Start.AddDays(3), dueAt: AlertHost.Start.AddDays(4));

        await host.RunAsync();
        host.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await host.RunAsync();
        Assert.Empty(smtp.DeliveredTo(handler));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.RunAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.RunAsync();
        host.Restart();
        await host.RunAsync();

        var mail = Assert.Single(smtp.DeliveredTo(handler));
        Assert.Equal($"[{opened.RegistrationNumber}] Termin zagrożony: Broken kettle", mail.Message.Subject);
        Assert.Contains("upływa 2026-11-27 06:00", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Priorytet sprawy został podniesiony", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Single(host.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.PriorityRaised);
    }

    [Fact]
    public async Task DeadlineMissed_EscalatesToTheSupervisor_AndTellsTheHandler_Once()
    {
        const string handler = "ewa.missed@handlers.example";
        using var host = new AlertHost(smtp);
        host.Roster.Add("boss", "boss.missed@handlers.example", "en");
        var opened = host.Open();
        host.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson(handler), "lead");
        host.Roster.Supervise(opened, "boss");
        host.Deadlines.Set(opened, atRiskAt: AlertHost.Start.AddDays(3), dueAt: AlertHost.Start.AddDays(4));
        await host.RunAsync();

        host.Time.Advance(TimeSpan.FromDays(3));
        await host.RunAsync();
        host.Time.Advance(TimeSpan.FromDays(1));
        await host.RunAsync();
        host.Time.Advance(TimeSpan.FromDays(1));
        await host.RunAsync();

        var escalated = Assert.Single(smtp.DeliveredTo("boss.missed@handlers.example"));
        Assert.Equal($"[{opened.RegistrationNumber}] Deadline missed: Broken kettle", escalated.Message.Subject);
        Assert.Contains($"Handler: {handler}", escalated.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("it ended 2026-11-27 06:00", escalated.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal(
            ["Nowa sprawa przydzielona", "Termin przekroczony", "Termin zagrożony"],
            smtp.DeliveredTo(handler).Select(m => m.Message.Subject!.Split("] ")[1].Split(':')[0]).Order(StringComparer.Ordinal));
        Assert.Single(host.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.PriorityRaised);
    }

    [Fact]
    public async Task DeadlineMissedWithNoSupervisor_IsRecordedAsSkippedForTheSupervisor()
    {
        const string handler = "ewa.nosupervisor@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.Open();
        host.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson(handler), "lead");
        host.Deadlines.Set(opened, atRiskAt: null, dueAt: AlertHost.Start.AddDays(1));

        host.Time.Advance(TimeSpan.FromDays(1));
        await host.RunAsync();

        var alerts = host.Store.GetAlerts(opened.Id).Where(a => a.Kind == AlertKind.DeadlineMissed).ToList();
        Assert.Equal([AlertState.Sent, AlertState.Skipped], alerts.OrderBy(a => a.State).Select(a => a.State));
        Assert.Contains("no supervisor", alerts.Single(a => a.State == AlertState.Skipped).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PausedDeadline_SendsNoDeadlineAlert()
    {
        const string handler = "ewa.paused@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.Open();
        host.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson(handler), handler);
        host.Deadlines.Set(opened, atRiskAt: AlertHost.Start.AddDays(1), dueAt: AlertHost.Start.AddDays(2), paused: true);

        host.Time.Advance(TimeSpan.FromDays(3));
        await host.RunAsync();

        Assert.Empty(host.Store.GetAlerts(opened.Id));
    }
}
