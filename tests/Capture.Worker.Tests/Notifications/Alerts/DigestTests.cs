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
        using var host = new AlertHost(smtp, new Dictionary<string, string?> { ["Alerts:Digest"] = "true", ["Alerts:DigestTime"] = "07:30" });
        var waitingLonger = host.Open("Waiting longest");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var waiting = host.Open("Waiting");
        var dueLater = host.Open("Due later");
        var dueSoon = host.Open("Due soon");
        var atRisk = host.Open("At risk");
        var missed = host.Open("Missed");
        var closed = host.Open("Closed");
        foreach (var caseRecord in new[] { waitingLonger, waiting, dueLater, dueSoon, atRisk, missed, closed })
        {
            host.Store.AssignCase(caseRecord.RegistrationNumber, CaseAssignee.ToPerson(Handler), Handler);
        }

        host.Store.ChangeStatus(closed.RegistrationNumber, Archive.Store.Cases.CaseStatus.Closed, Handler);
        host.Deadlines.Set(dueLater, AlertHost.Start.AddDays(9), AlertHost.Start.AddDays(10));
        host.Deadlines.Set(dueSoon, AlertHost.Start.AddDays(4), AlertHost.Start.AddDays(5));
        host.Deadlines.Set(atRisk, AlertHost.Start.AddHours(1), AlertHost.Start.AddDays(2));
        host.Deadlines.Set(missed, AlertHost.Start.AddHours(-2), AlertHost.Start.AddHours(1));

        await host.RunAsync();
        var beforeDigestTime = Digests();
        host.Time.Advance(TimeSpan.FromMinutes(89));
        await host.RunAsync();
        host.Time.Advance(TimeSpan.FromHours(3));
        await host.RunAsync();
        host.Restart();
        await host.RunAsync();
        var firstDay = Digests();
        host.Time.Advance(TimeSpan.FromDays(1));
        await host.RunAsync();

        Assert.Empty(beforeDigestTime);
        var digest = Assert.Single(firstDay);
        Assert.Equal("Twoje otwarte sprawy 2026-11-23: 6", digest.Message.Subject);
        var lines = digest.Message.TextBody!.Split('\n').Where(l => l.StartsWith("C-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [missed, atRisk, dueSoon, dueLater, waitingLonger, waiting],
            lines.Select(l => new[] { missed, atRisk, dueSoon, dueLater, waitingLonger, waiting }.Single(c => l.StartsWith(c.RegistrationNumber + " ", StringComparison.Ordinal))));
        Assert.Contains("[termin przekroczony 2026-11-23 07:00]", lines[0], StringComparison.Ordinal);
        Assert.Contains("[termin zagrożony 2026-11-25 06:00]", lines[1], StringComparison.Ordinal);
        Assert.Contains("[czeka od 2026-11-23 06:00]", lines[4], StringComparison.Ordinal);
        Assert.Equal(2, Digests().Count);
        Assert.Equal("Twoje otwarte sprawy 2026-11-24: 6", Digests()[1].Message.Subject);
        Assert.Equal(AlertState.Sent, host.Store.FindAlert(AlertKeys.Digest(Handler, new DateOnly(2026, 11, 23)))!.State);
    }

    private List<Capture.Testing.Mail.DeliveredMail> Digests() =>
        [.. smtp.DeliveredTo(Handler).Where(m => m.Message.Subject!.StartsWith("Twoje otwarte sprawy", StringComparison.Ordinal))];
}
