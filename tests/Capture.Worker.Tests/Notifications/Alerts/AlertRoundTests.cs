using Archive.Search;
using Archive.Store.Alerts;
using Archive.Store.Audit;
using Archive.Store.Cases;
using Capture.Worker.Notifications.Alerts;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Notifications.Alerts;

/// <summary>Alerts to handlers for reminders, assignments and customer replies, delivered to a real SMTP server on 127.0.0.1, on a fake clock.</summary>
public sealed class AlertRoundTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>
{
    [Fact]
    public async Task DueReminder_SendsOneAlertWithTheNote_AndNeitherTheNextRoundNorARestartSendsItAgain()
    {
        const string anna = "anna.reminder@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.Open();
        host.Store.SetReminder(opened.RegistrationNumber, AlertHost.Start.AddHours(2), "Zadzwonić do kuriera", anna);

        await host.RunAsync();
        Assert.Empty(smtp.DeliveredTo(anna));
        host.Time.Advance(TimeSpan.FromHours(2));
        var round = await host.RunAsync();
        await host.RunAsync();
        host.Restart();
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.RunAsync();

        Assert.Equal(1, round.Delivery.Sent);
        var mail = Assert.Single(smtp.DeliveredTo(anna));
        Assert.Equal($"[{opened.RegistrationNumber}] Przypomnienie: Zadzwonić do kuriera", mail.Message.Subject);
        Assert.Equal("pl", mail.Language());
        Assert.Contains("Zadzwonić do kuriera", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Sprawa: {opened.RegistrationNumber}", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Klient: Jan Kowalski <jan@example.com>", mail.Message.TextBody, StringComparison.Ordinal);
        var sent = Assert.Single(host.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.AlertSent);
        Assert.Contains(anna, sent.Detail, StringComparison.Ordinal);
        Assert.Contains(mail.Message.MessageId!, sent.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assignment_AlertsTheNewHandlerInTheirLanguage_ButNotSomeoneTakingACaseThemselves()
    {
        using var host = new AlertHost(smtp, new AlertSettings().Person("peter.toth", "peter.assigned@handlers.example", "hu"));
        var first = host.Open("Törött vízforraló", "hu");
        var second = host.Open("Késik a csomag", "hu");

        host.Store.AssignCase(first.RegistrationNumber, CaseAssignee.ToPerson("peter.toth"), "anna.nowak");
        host.Store.AssignCase(second.RegistrationNumber, CaseAssignee.ToPerson("peter.toth"), "peter.toth");
        await host.RunAsync();
        await host.RunAsync();

        var mail = Assert.Single(smtp.DeliveredTo("peter.assigned@handlers.example"));
        Assert.Equal($"[{first.RegistrationNumber}] Új ügy kiosztva: Törött vízforraló", mail.Message.Subject);
        Assert.Equal("hu", mail.Language());
        Assert.Contains($"A(z) {first.RegistrationNumber} ügyet Önhöz rendelték.", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("peter.toth", Assert.Single(mail.Message.To.Mailboxes).Name);
    }

    [Fact]
    public async Task CustomerReply_JoiningTheCase_SendsOneAlertToItsHandler()
    {
        using var host = new AlertHost(smtp, new AlertSettings().Person("tom", "tom.reply@handlers.example", "en"));
        var opened = host.Open("Late delivery", "en");
        host.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson("tom"), "lead");
        await host.RunAsync();
        host.Time.Advance(TimeSpan.FromHours(1));

        host.Reply(opened);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.RunAsync();
        host.Restart();
        await host.RunAsync();

        var mails = smtp.DeliveredTo("tom.reply@handlers.example");
        Assert.Equal(
            [$"[{opened.RegistrationNumber}] Case assigned to you: Late delivery", $"[{opened.RegistrationNumber}] Customer reply: Late delivery"],
            mails.Select(m => m.Message.Subject).Order(StringComparer.Ordinal));
        var reply = mails.Single(m => m.Message.Subject!.Contains("Customer reply", StringComparison.Ordinal));
        Assert.Contains($"The customer wrote again on case {opened.RegistrationNumber}.", reply.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("en", reply.Language());
    }

    [Fact]
    public async Task CompanysOwnReplyJoiningTheCase_IsNoCustomerReply()
    {
        using var host = new AlertHost(smtp);
        var opened = host.Open();
        host.Store.AssignCase(opened.RegistrationNumber, CaseAssignee.ToPerson("ola.company@handlers.example"), "lead");
        await host.RunAsync();

        host.Time.Advance(TimeSpan.FromHours(1));
        host.Reply(opened, Archive.Store.Cases.MessageAuthor.Company);
        await host.RunAsync();

        Assert.Equal([AlertKind.Assigned], host.Store.GetAlerts(opened.Id).Select(a => a.Kind));
        Assert.Single(smtp.DeliveredTo("ola.company@handlers.example"));
    }

    [Fact]
    public async Task FollowUpMailCapturedByThePipeline_AlertsTheHandlerWithTheRegistrationNumber()
    {
        using var host = new AlertHost(smtp);
        var opened = await host.ImportAsync("first.eml", Mail("<kettle-1@example.co.uk>", "Broken kettle", "My kettle ORD-2026-555001 stopped heating after two days. I want a refund."));
        host.Store.AssignCase(opened.RegistrationNumber!, CaseAssignee.ToPerson("ola.pipeline@handlers.example"), "ola.pipeline@handlers.example");
        await host.RunAsync();

        host.Time.Advance(TimeSpan.FromHours(3));
        var joined = await host.ImportAsync("reply.eml", Mail("<kettle-2@example.co.uk>", $"Re: [{opened.RegistrationNumber}] Broken kettle", "Here is the photo of the receipt you asked for."));
        await host.RunAsync();

        Assert.Equal(CaptureOutcome.Joined, joined.Outcome);
        var mail = Assert.Single(smtp.DeliveredTo("ola.pipeline@handlers.example"));
        Assert.Equal($"[{opened.RegistrationNumber}] Odpowiedź klienta: Broken kettle", mail.Message.Subject);
        Assert.Contains($"Klient napisał ponownie w sprawie {opened.RegistrationNumber}.", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertedReminder_NoLongerMakesTheCaseFoundByAlertDue()
    {
        using var host = new AlertHost(smtp);
        var opened = await host.ImportAsync("letter.eml", Mail("<courier-1@example.co.uk>", "Late delivery", "My order ORD-2026-555002 is two weeks late. This is unacceptable."));
        var reminded = host.Store.SetReminder(opened.RegistrationNumber!, AlertHost.Start.AddHours(1), "Call the courier", "ola.due@handlers.example");
        host.Services.GetRequiredService<CaseIndexer>().Reindex(reminded);
        var index = host.Services.GetRequiredService<ArchiveIndex>();

        host.Time.Advance(TimeSpan.FromHours(1));
        var dueBefore = index.Search(new SearchRequest("alert:due")).TotalCases;
        await host.RunAsync();
        var dueAfter = index.Search(new SearchRequest("alert:due")).TotalCases;

        Assert.Equal((1, 0), (dueBefore, dueAfter));
        Assert.Single(smtp.DeliveredTo("ola.due@handlers.example"));
    }

    [Fact]
    public async Task CustomerReplyOnAnUnassignedCase_GoesToTheFallbackAddress()
    {
        using var host = new AlertHost(smtp, new Dictionary<string, string?> { ["Alerts:FallbackRecipient"] = "team.fallback@handlers.example" });
        var opened = host.Open();

        host.Reply(opened);
        await host.RunAsync();

        var mail = Assert.Single(smtp.DeliveredTo("team.fallback@handlers.example"));
        Assert.Equal($"[{opened.RegistrationNumber}] Odpowiedź klienta: Broken kettle", mail.Message.Subject);
        Assert.Contains("Prowadzący: nikt", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerReplyOnAnUnassignedCase_WithoutAFallback_IsRecordedAsSkippedOnTheCase()
    {
        using var host = new AlertHost(smtp);
        var opened = host.Open();

        host.Reply(opened);
        var round = await host.RunAsync();
        await host.RunAsync();

        Assert.Equal(1, round.Skipped);
        var alert = Assert.Single(host.Store.GetAlerts(opened.Id));
        Assert.Equal((AlertKind.CustomerReply, AlertState.Skipped), (alert.Kind, alert.State));
        Assert.Contains("Alerts:FallbackRecipient", alert.Error, StringComparison.Ordinal);
        Assert.Single(host.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.AlertNotSent);
    }

    [Fact]
    public async Task ServerDown_NothingIsLost_AndTheAlertIsSentOnceWhenItIsBack()
    {
        const string anna = "anna.outage@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.Open();
        host.Store.SetReminder(opened.RegistrationNumber, AlertHost.Start, "Sprawdzić zwrot", anna);

        await smtp.Sink.StopAsync();
        AlertRoundResult down;
        try
        {
            down = await host.RunAsync();
            host.Restart();
        }
        finally
        {
            await smtp.Sink.StartAgainAsync(TestContext.Current.CancellationToken);
        }

        host.Time.Advance(TimeSpan.FromMinutes(1));
        var back = await host.RunAsync();
        await host.RunAsync();

        Assert.Equal((1, 0, 1), (down.Planned, down.Delivery.Sent, down.Delivery.Waiting));
        Assert.Equal((0, 1), (back.Planned, back.Delivery.Sent));
        var mail = Assert.Single(smtp.DeliveredTo(anna));
        Assert.Equal(Assert.Single(host.Store.GetAlerts(opened.Id)).MessageId, mail.Message.MessageId);
    }

    [Fact]
    public async Task ServerDownLongerThanGiveUpAfter_RecordsTheAlertAsFailedWithTheLastError_AndNeverSendsItLate()
    {
        const string anna = "anna.longoutage@handlers.example";
        using var host = new AlertHost(smtp, new AlertSettings { ["Alerts:GiveUpAfter"] = "02:00:00" });
        var opened = host.Open();
        host.Store.SetReminder(opened.RegistrationNumber, AlertHost.Start, "Oddzwonić", anna);

        await smtp.Sink.StopAsync();
        AlertRoundResult late;
        try
        {
            await host.RunAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
            var stillWaiting = await host.RunAsync();
            Assert.Equal(1, stillWaiting.Delivery.Waiting);
            host.Time.Advance(TimeSpan.FromHours(1));
            late = await host.RunAsync();
        }
        finally
        {
            await smtp.Sink.StartAgainAsync(TestContext.Current.CancellationToken);
        }

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.RunAsync();

        Assert.Equal((0, 1, 0), (late.Delivery.Sent, late.Delivery.Failed, late.Delivery.Waiting));
        var alert = Assert.Single(host.Store.GetAlerts(opened.Id));
        Assert.Equal(AlertState.Failed, alert.State);
        Assert.Contains("not sent within 02:00:00 (Alerts:GiveUpAfter)", alert.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.DeliveredTo(anna));
        Assert.Contains(host.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.AlertNotSent && e.Detail.Contains("Alerts:GiveUpAfter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusedRecipient_IsRecordedAsFailedWithTheReason_AndNotTriedAgain()
    {
        const string refused = "nobody+reject@handlers.example";
        using var host = new AlertHost(smtp);
        var opened = host.Open();
        host.Store.SetReminder(opened.RegistrationNumber, AlertHost.Start, "Oddzwonić", refused);

        var first = await host.RunAsync();
        var second = await host.RunAsync();

        Assert.Equal(1, first.Delivery.Failed);
        Assert.Equal(new AlertDelivery(0, 0, 0), second.Delivery);
        var alert = Assert.Single(host.Store.GetAlerts(opened.Id));
        Assert.Equal(AlertState.Failed, alert.State);
        Assert.StartsWith("550", alert.Error, StringComparison.Ordinal);
        Assert.Contains(host.Store.GetHistory(opened.Id), e => e.Kind == CaseEventKinds.AlertNotSent && e.Detail.Contains("550", StringComparison.Ordinal));
        Assert.Empty(smtp.DeliveredTo(refused));
    }

    [Fact]
    public async Task AlertsOff_NothingIsPlannedOrSent()
    {
        using var host = new AlertHost(smtp, new Dictionary<string, string?> { ["Alerts:Enabled"] = "false" });
        var opened = host.Open();
        host.Store.SetReminder(opened.RegistrationNumber, AlertHost.Start, "Nic", "anna.off@handlers.example");

        var round = await host.RunAsync();

        Assert.Equal(0, round.Planned);
        Assert.Empty(host.Store.GetAlerts(opened.Id));
    }

    private static string Mail(string messageId, string subject, string body) =>
        "From: Tom Baker <tom.baker@example.co.uk>\r\n" +
        "To: complaints@example.com\r\n" +
        $"Subject: {subject}\r\n" +
        $"Message-ID: {messageId}\r\n" +
        "Date: Mon, 23 Nov 2026 06:00:00 +0000\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "\r\n" +
        body + "\r\n\r\nKind regards,\r\nTom Baker\r\n";
}
