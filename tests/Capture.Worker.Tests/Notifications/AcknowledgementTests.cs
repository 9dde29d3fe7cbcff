using Archive.Store.Audit;
using Archive.Store.Cases;
using Capture.Testing;
using Capture.Testing.Mail;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Notifications;

/// <summary>
/// Acknowledgements to customers, asserted on the messages a real SMTP server (aiosmtpd on 127.0.0.1) accepted:
/// the recipient, the registration number in the subject, the language of the letter, the body; once per case,
/// across restarts, outages and crashes.
/// </summary>
public sealed class AcknowledgementTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>, IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Archive => _directory.Combine("archive");

    [Theory]
    [InlineData("pl", "Anna Nowak", "anna.nowak.lang@example.com", "Uszkodzony ekspres", "[{0}] Potwierdzenie przyjęcia zgłoszenia", "2 grudnia 2026", "zarejestrowaliśmy pod numerem {0}")]
    [InlineData("hu", "Kovács Péter", "kovacs.peter.lang@example.hu", "Hibás készülék", "[{0}] Bejelentését nyilvántartásba vettük", "2026. december 2.", "{0} számon vettük nyilvántartásba")]
    [InlineData("en", "Sarah Mitchell", "sarah.mitchell.lang@example.co.uk", "Broken kettle", "[{0}] We have received your message", "2 December 2026", "under the number {0}")]
    public async Task NewCaseByEmail_CustomerGetsOneAcknowledgement_InTheLettersLanguage_WithTheNumberInTheSubject(
        string language, string name, string address, string subject, string expectedSubject, string receivedDate, string registered)
    {
        await using var service = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: true);
        var letter = await WriteMailAsync("letter.eml", name, address, subject, Letters[language], "<opening-" + language + "@example.com>");

        var opened = await service.ImportAsync(letter);

        var delivered = Assert.Single(await WaitForAsync(address));
        await SettledAsync(service);
        var number = opened.RegistrationNumber!;
        var message = delivered.Message;
        Assert.Equal(CaptureOutcome.Opened, opened.Outcome);
        Assert.Equal(language, opened.Language);
        Assert.Equal([address], delivered.Recipients);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expectedSubject, number), message.Subject);
        Assert.Equal(language, message.Body!.Headers["Content-Language"]);
        Assert.Equal(name, Assert.Single(message.To.Mailboxes).Name);
        Assert.Equal("obsluga@shop.example", delivered.MailFrom);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("opening-" + language + "@example.com", message.InReplyTo);
        var body = message.TextBody;
        Assert.Contains(name, body, StringComparison.Ordinal);
        Assert.Contains(receivedDate, body, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, registered, number), body, StringComparison.Ordinal);
        Assert.Contains(subject, body, StringComparison.Ordinal);
        Assert.Contains("Shop.example", body, StringComparison.Ordinal);
        var acknowledgement = service.Store.FindCase(number)!.Acknowledgement!;
        Assert.Equal(AcknowledgementState.Sent, acknowledgement.State);
        Assert.Equal(message.MessageId, acknowledgement.MessageId);
        Assert.Equal(language, acknowledgement.Language);
        Assert.Contains(service.Store.GetHistory(service.Store.FindCase(number)!.Id), e => e.Kind == CaseEventKinds.AcknowledgementSent);
    }

    [Fact]
    public async Task CustomerReplyingToTheAcknowledgement_JoinsTheCase_ByItsMessageId()
    {
        await using var service = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: true);
        const string address = "sarah.reply@example.co.uk";
        var opened = await service.ImportAsync(await WriteMailAsync("letter.eml", "Sarah Mitchell", address, "Broken kettle", Letters["en"], "<reply-opening@example.com>"));
        var acknowledgement = Assert.Single(await WaitForAsync(address)).Message;

        var reply = await WriteMailAsync("reply.eml", "Sarah Mitchell", address, "Re: my question", "Thank you. I have attached the receipt you will need for the refund.", "<reply-2@example.com>", inReplyTo: "<" + acknowledgement.MessageId + ">");
        var joined = await service.ImportAsync(reply);

        Assert.Equal(CaptureOutcome.Joined, joined.Outcome);
        Assert.Equal(opened.RegistrationNumber, joined.RegistrationNumber);
        Assert.Single(service.Store.ListCases());
    }

    [Fact]
    public async Task OwnAcknowledgementComingBackToTheMailbox_OpensNoCase()
    {
        await using var service = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: true);
        const string address = "tom.loop@example.co.uk";
        await service.ImportAsync(await WriteMailAsync("letter.eml", "Tom Baker", address, "Broken kettle", Letters["en"], "<loop-opening@example.com>"));
        var acknowledgement = Assert.Single(await WaitForAsync(address)).Message;
        var copy = _directory.Combine("acknowledgement.eml");
        await acknowledgement.WriteToAsync(copy, Cancel);

        var captured = await service.ImportAsync(copy);

        Assert.NotEqual(CaptureOutcome.Opened, captured.Outcome);
        Assert.Single(service.Store.ListCases());
        Assert.Single(smtp.DeliveredTo(address));
    }

    [Fact]
    public async Task FollowUpJoiningTheCase_AndARestart_SendNothingMore()
    {
        const string address = "anna.twice@example.com";
        string number;
        await using (var first = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: true))
        {
            number = (await first.ImportAsync(await WriteMailAsync("letter.eml", "Anna Nowak", address, "Uszkodzony ekspres", Letters["pl"], "<twice-1@example.com>"))).RegistrationNumber!;
            Assert.Single(await WaitForAsync(address));

            var followUp = await first.ImportAsync(await WriteMailAsync("follow-up.eml", "Anna Nowak", address, $"Re: [{number}] Uszkodzony ekspres", "Dzień dobry, przesyłam zdjęcie paragonu, o które Państwo prosili.", "<twice-2@example.com>"));
            var round = await first.Sender.SendPendingAsync(Cancel);

            Assert.Equal(CaptureOutcome.Joined, followUp.Outcome);
            Assert.Equal(0, round.Sent);
        }

        await using var restarted = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: false);
        var afterRestart = await restarted.Sender.SendPendingAsync(Cancel);

        Assert.Equal(0, afterRestart.Sent + afterRestart.Uncertain);
        Assert.Single(smtp.DeliveredTo(address));
        Assert.Single(restarted.Store.GetHistory(restarted.Store.FindCase(number)!.Id), e => e.Kind == CaseEventKinds.AcknowledgementSent);
    }

    [Fact]
    public async Task ServerDown_TheAcknowledgementWaits_AndIsSentOnceWhenItIsBack()
    {
        const string address = "peter.outage@example.hu";
        await using var service = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: false);
        CaptureResult opened;
        AcknowledgementRoundCounts during;
        await smtp.Sink.StopAsync();
        try
        {
            opened = await service.ImportAsync(await WriteMailAsync("letter.eml", "Kovács Péter", address, "Hibás készülék", Letters["hu"], "<outage@example.com>"));
            during = Counts(await service.Sender.SendPendingAsync(Cancel));
        }
        finally
        {
            await smtp.Sink.StartAgainAsync(Cancel);
        }

        Assert.Equal(CaptureOutcome.Opened, opened.Outcome);
        Assert.Equal(new AcknowledgementRoundCounts(Sent: 0, Deferred: 1), during);
        Assert.Equal(AcknowledgementState.Pending, service.Store.FindCase(opened.RegistrationNumber!)!.Acknowledgement!.State);

        var after = Counts(await service.Sender.SendPendingAsync(Cancel));
        var again = Counts(await service.Sender.SendPendingAsync(Cancel));

        Assert.Equal(new AcknowledgementRoundCounts(Sent: 1, Deferred: 0), after);
        Assert.Equal(new AcknowledgementRoundCounts(Sent: 0, Deferred: 0), again);
        var delivered = Assert.Single(await WaitForAsync(address));
        Assert.StartsWith($"[{opened.RegistrationNumber}]", delivered.Message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerDown_TheServiceTriesAgainAfterTheRetryInterval()
    {
        const string address = "sarah.retry@example.co.uk";
        await using var service = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: true);
        await smtp.Sink.StopAsync();
        string number;
        try
        {
            number = (await service.ImportAsync(await WriteMailAsync("letter.eml", "Sarah Mitchell", address, "Broken kettle", Letters["en"], "<retry@example.com>"))).RegistrationNumber!;
            await service.Sender.SendPendingAsync(Cancel);
        }
        finally
        {
            await smtp.Sink.StartAgainAsync(Cancel);
        }

        // The service waits RetryInterval (one minute by default) on the fake clock; advancing it wakes the retry.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (smtp.DeliveredTo(address).Count == 0 && DateTime.UtcNow < deadline)
        {
            service.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100, Cancel);
        }

        Assert.Single(smtp.DeliveredTo(address));
        await SettledAsync(service);
        Assert.Equal(AcknowledgementState.Sent, service.Store.FindCase(number)!.Acknowledgement!.State);
    }

    [Fact]
    public async Task ClaimLeftBySendingWhenTheServiceCrashed_IsRecordedUncertain_AndNeverSent()
    {
        const string address = "anna.crash@example.com";
        string caseId;
        await using (var crashed = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: false))
        {
            var opened = await crashed.ImportAsync(await WriteMailAsync("letter.eml", "Anna Nowak", address, "Uszkodzony ekspres", Letters["pl"], "<crash@example.com>"));
            caseId = crashed.Store.FindCase(opened.RegistrationNumber!)!.Id;

            // What the sender does just before handing the message over; the process dies here.
            Assert.NotNull(crashed.Store.ClaimAcknowledgement(caseId, "<crashed-ack@shop.example>", "pl"));
        }

        await using var restarted = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: false);
        var round = await restarted.Sender.SendPendingAsync(Cancel);
        var next = await restarted.Sender.SendPendingAsync(Cancel);

        Assert.Equal(1, round.Uncertain);
        Assert.Equal(0, round.Sent + next.Sent + next.Uncertain);
        Assert.Empty(smtp.DeliveredTo(address));
        var acknowledgement = restarted.Store.FindCaseById(caseId)!.Acknowledgement!;
        Assert.Equal(AcknowledgementState.Uncertain, acknowledgement.State);
        var history = Assert.Single(restarted.Store.GetHistory(caseId), e => e.Kind == CaseEventKinds.AcknowledgementUncertain);
        Assert.Contains("<crashed-ack@shop.example>", history.Detail, StringComparison.Ordinal);
        Assert.Equal(caseId, restarted.Store.FindCaseByMessageId("crashed-ack@shop.example")?.Id);
    }

    [Fact]
    public async Task RefusedRecipient_FailsWithTheServersAnswer_AndIsNotTriedAgain()
    {
        const string address = "tom+reject@example.co.uk";
        await using var service = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: false);
        var opened = await service.ImportAsync(await WriteMailAsync("letter.eml", "Tom Baker", address, "Broken kettle", Letters["en"], "<refused@example.com>"));

        var round = await service.Sender.SendPendingAsync(Cancel);
        var next = await service.Sender.SendPendingAsync(Cancel);

        Assert.Equal(1, round.Failed);
        Assert.Equal(0, next.Sent + next.Failed);
        var caseRecord = service.Store.FindCase(opened.RegistrationNumber!)!;
        Assert.Equal(AcknowledgementState.Failed, caseRecord.Acknowledgement!.State);
        Assert.StartsWith("550", caseRecord.Acknowledgement.Reason, StringComparison.Ordinal);
        Assert.Contains(service.Store.GetHistory(caseRecord.Id), e => e.Kind == CaseEventKinds.AcknowledgementFailed && e.Detail.Contains("550", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sklep Partner", "noreply@partner.example")]
    [InlineData("Jan Kowalski", "jan.kowalski@shop.example")]
    public async Task MailFromARobotOrTheCompany_IsNotAcknowledged(string name, string address)
    {
        await using var service = await AcknowledgementHost.StartAsync(Archive, AcknowledgementHost.Settings(smtp), sending: false);
        var opened = await service.ImportAsync(await WriteMailAsync("letter.eml", name, address, "Zamówienie", Letters["pl"], "<robot@example.com>"));

        var round = await service.Sender.SendPendingAsync(Cancel);

        Assert.Equal(CaptureOutcome.Opened, opened.Outcome);
        Assert.Equal(0, round.Sent);
        Assert.Empty(smtp.DeliveredTo(address));
        var caseRecord = service.Store.FindCase(opened.RegistrationNumber!)!;
        Assert.Equal(AcknowledgementState.Skipped, caseRecord.Acknowledgement!.State);
        Assert.Contains(service.Store.GetHistory(caseRecord.Id), e => e.Kind == CaseEventKinds.AcknowledgementSkipped);
    }

    [Fact]
    public async Task ScannedLetterWithAnAddress_IsNotAcknowledged_UnlessForLettersIsOn()
    {
        var settings = AcknowledgementHost.Settings(smtp);
        await using var service = await AcknowledgementHost.StartAsync(Archive, settings, sending: false);
        var letter = _directory.Combine("letter.txt");
        await File.WriteAllTextAsync(letter, Letters["pl"] + "\n\nKontakt: anna.paper@example.com\n", Cancel);

        var opened = await service.ImportAsync(letter);
        await service.Sender.SendPendingAsync(Cancel);

        var acknowledgement = service.Store.FindCase(opened.RegistrationNumber!)!.Acknowledgement!;
        Assert.Equal(AcknowledgementState.Skipped, acknowledgement.State);
        Assert.Contains("Acknowledgements:ForLetters", acknowledgement.Reason, StringComparison.Ordinal);
        Assert.Empty(smtp.DeliveredTo("anna.paper@example.com"));
    }

    [Fact]
    public async Task AcknowledgementsOff_RecordAndSendNothing()
    {
        const string address = "anna.off@example.com";
        var settings = AcknowledgementHost.Settings(smtp);
        settings["Acknowledgements:Enabled"] = "false";
        await using var service = await AcknowledgementHost.StartAsync(Archive, settings, sending: true);

        var opened = await service.ImportAsync(await WriteMailAsync("letter.eml", "Anna Nowak", address, "Uszkodzony ekspres", Letters["pl"], "<off@example.com>"));
        var round = await service.Sender.SendPendingAsync(Cancel);

        Assert.Equal(0, round.Sent);
        var caseRecord = service.Store.FindCase(opened.RegistrationNumber!)!;
        Assert.Null(caseRecord.Acknowledgement);
        Assert.DoesNotContain(service.Store.GetHistory(caseRecord.Id), e => e.Kind.StartsWith("acknowledgement", StringComparison.Ordinal));
        Assert.Empty(smtp.DeliveredTo(address));
    }

    public void Dispose() => _directory.Dispose();

    private static readonly Dictionary<string, string> Letters = new(StringComparer.Ordinal)
    {
        ["pl"] = "Dzień dobry, zamówienie ZAM/2026/01234 dotarło uszkodzone, karton był zgnieciony, a ekspres nie działa. Proszę o wymianę lub zwrot pieniędzy, ponieważ urządzenie jest całkowicie bezużyteczne. Z poważaniem, Anna Nowak",
        ["hu"] = "Tisztelt Ügyfélszolgálat! A ZAM/2026/01235 számú rendelésem hibásan érkezett, a készülék nem kapcsol be, és a doboz is sérült volt. Kérem a csere vagy a visszatérítés mielőbbi intézését. Üdvözlettel: Kovács Péter",
        ["en"] = "Hello, the kettle from order ZAM/2026/01236 stopped heating after two days and the lid does not close any more. I would like a replacement or a refund as soon as possible. Kind regards, Sarah Mitchell",
    };

    private async Task<string> WriteMailAsync(string fileName, string name, string address, string subject, string body, string messageId, string? inReplyTo = null)
    {
        var path = _directory.Combine(fileName);
        await File.WriteAllTextAsync(
            path,
            $"From: {name} <{address}>\r\n" +
            "To: reklamacje@shop.example\r\n" +
            $"Subject: =?utf-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(subject))}?=\r\n" +
            $"Message-ID: {messageId}\r\n" +
            (inReplyTo is null ? "" : $"In-Reply-To: {inReplyTo}\r\n") +
            "Date: Wed, 02 Dec 2026 09:00:00 +0000\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n" +
            "\r\n" +
            body + "\r\n",
            Cancel);
        return path;
    }

    private async Task<IReadOnlyList<DeliveredMail>> WaitForAsync(string recipient)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (smtp.DeliveredTo(recipient) is { Count: 0 } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Cancel);
        }

        return smtp.DeliveredTo(recipient);
    }

    /// <summary>
    /// Waits for the service's round to end: the server accepts a message a moment before the round records it as
    /// sent, and rounds never overlap, so a round of our own starts only after that.
    /// </summary>
    private static async Task SettledAsync(AcknowledgementHost service) => await service.Sender.SendPendingAsync(Cancel);

    private static AcknowledgementRoundCounts Counts(Capture.Worker.Notifications.Acknowledgements.AcknowledgementRound round) => new(round.Sent, round.Deferred);

    private sealed record AcknowledgementRoundCounts(int Sent, int Deferred);
}
