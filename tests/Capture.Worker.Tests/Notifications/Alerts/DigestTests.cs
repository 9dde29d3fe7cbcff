using Archive.Store.Alerts;
using Archive.Store.Cases;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Notifications.Alerts;

/// <summary>The daily digest: each handler's open cases by urgency, once per day from the configured time.</summary>
public sealed class DigestTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>
{
    private const string Handler = "maria.digest@handlers.example";

    [Fact]
    public async Task Digest_ListsTheHandlersOpenCasesByUrgency_OncePerDayFromTheDigestTime()
    {
        // Complaints due 2 calendar days after the midnight following their arrival, at risk half way: opened a day
        // apart, on the fourth day one is missed, one at risk and two due later; thank-you letters have no deadline.
        var settings = new AlertSettings
        {
            ["Alerts:Digest"] = "true",
            ["Alerts:DigestTime"] = "07:30",
            ["Archive:Deadlines:Rules:0:CalendarDays"] = "2",
            ["Archive:Deadlines:Rules:0:AtRiskFraction"] = "0.5",
        };
        using var host = new AlertHost(smtp, settings);
        var waitingLonger = host.Open("Waiting longest", category: CaseCategory.Thanks);
        var missed = host.Open("Missed");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var waiting = host.Open("Waiting", category: CaseCategory.Thanks);
        var closed = host.Open("Closed");
        host.Time.Advance(TimeSpan.FromDays(1));
        var atRisk = host.Open("At risk");
        host.Time.Advance(TimeSpan.FromDays(1));
        var dueSoon = host.Open("Due soon");
        host.Time.Advance(TimeSpan.FromDays(1));
        var dueLater = host.Open("Due later");
        foreach (var caseRecord in new[] { waitingLonger, waiting, dueLater, dueSoon, atRisk, missed, closed })
        {
            host.Store.AssignCase(caseRecord.RegistrationNumber, CaseAssignee.ToPerson(Handler), Handler);
        }

        host.Store.ChangeStatus(closed.RegistrationNumber, CaseStatus.Closed, Handler);
        var digestDay = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);

        await host.RunAsync();
        var beforeDigestTime = Digests();
        host.Time.Advance(TimeSpan.FromMinutes(89));
        var digestTime = host.Time.GetUtcNow();
        await host.RunAsync();
        host.Time.Advance(TimeSpan.FromHours(3));
        await host.RunAsync();
        host.Restart();
        await host.RunAsync();
        var firstDay = Digests();
        host.Time.Advance(TimeSpan.FromDays(1));
        await host.RunAsync();

        Assert.True(host.Deadline(missed).DueAt <= digestTime, "missed before the digest");
        Assert.True(host.Deadline(atRisk).AtRiskAt <= digestTime && digestTime < host.Deadline(atRisk).DueAt, "at risk at the digest");
        Assert.True(digestTime < host.Deadline(dueSoon).AtRiskAt && host.Deadline(dueSoon).DueAt < host.Deadline(dueLater).DueAt, "due soon, then later");
        Assert.Empty(beforeDigestTime);
        var digest = Assert.Single(firstDay);
        Assert.Equal($"Twoje otwarte sprawy {Day(digestDay)}: 6", digest.Message.Subject);
        var lines = digest.Message.TextBody!.Split('\n').Where(l => l.StartsWith("C-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [missed, atRisk, dueSoon, dueLater, waitingLonger, waiting],
            lines.Select(l => new[] { missed, atRisk, dueSoon, dueLater, waitingLonger, waiting }.Single(c => l.StartsWith(c.RegistrationNumber + " ", StringComparison.Ordinal))));
        Assert.Contains($"[termin przekroczony {AlertHost.Local(host.Deadline(missed).DueAt)}]", lines[0], StringComparison.Ordinal);
        Assert.Contains($"[termin zagrożony {AlertHost.Local(host.Deadline(atRisk).DueAt)}]", lines[1], StringComparison.Ordinal);
        Assert.Contains("[czeka od 2026-11-23 06:00]", lines[4], StringComparison.Ordinal);
        Assert.Equal(2, Digests().Count);
        Assert.Equal($"Twoje otwarte sprawy {Day(digestDay.AddDays(1))}: 6", Digests()[1].Message.Subject);
        Assert.Equal(AlertState.Sent, host.Store.FindAlert(AlertKeys.Digest(Handler, digestDay))!.State);
    }

    [Fact]
    public async Task Digest_SaysADeadlineIsPaused_NotMissed_WhileTheCustomerOwesAnAnswer()
    {
        const string handler = "maria.paused@handlers.example";
        using var host = new AlertHost(smtp, new AlertSettings { ["Alerts:Digest"] = "true", ["Alerts:DigestTime"] = "07:30" });
        var opened = host.OpenHandledBy(handler);
        host.Time.Advance(TimeSpan.FromDays(1));
        host.Store.ChangeStatus(opened.RegistrationNumber, CaseStatus.PendingOnCustomer, handler, "asked for the receipt");
        var paused = host.Deadline(opened);

        await host.RunAtAsync(paused.DueAt!.Value + TimeSpan.FromHours(8));

        var digest = Assert.Single(smtp.DeliveredTo(handler));
        var line = Assert.Single(digest.Message.TextBody!.Split('\n'), l => l.StartsWith(opened.RegistrationNumber, StringComparison.Ordinal));
        Assert.Contains("[termin wstrzymany, czekamy na klienta]", line, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Store.GetAlerts(opened.Id), a => a.Kind is AlertKind.DeadlineAtRisk or AlertKind.DeadlineMissed);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private List<Capture.Testing.Mail.DeliveredMail> Digests() =>
        [.. smtp.DeliveredTo(Handler).Where(m => m.Message.Subject!.StartsWith("Twoje otwarte sprawy", StringComparison.Ordinal))];
}
