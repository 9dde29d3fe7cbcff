using System.Net;
using Capture.Testing;
using Capture.Testing.Mail;
using Capture.Worker.Notifications;
using Capture.Worker.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Capture.Worker.Tests.Notifications;

/// <summary>Capture's outgoing mail through a real SMTP server (aiosmtpd) on 127.0.0.1.</summary>
public sealed class SmtpMailSenderTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SentMessage_ArrivesWithEnvelopeSenderIdAndAutoSubmittedMark()
    {
        var sender = Sender();
        var message = sender.NewMessage();
        message.To.Add(new MailboxAddress("Anna Nowak", "anna.sent@handlers.example"));
        message.Subject = "Zgłoszenie C-2026-000001";
        message.Body = new TextPart("plain") { Text = "Treść powiadomienia: zażółć gęślą jaźń." };

        await sender.SendAsync(message, Cancel);

        var delivered = Assert.Single(await WaitForAsync("anna.sent@handlers.example"));
        Assert.Equal("obsluga@shop.example", delivered.MailFrom);
        Assert.Equal(message.MessageId, delivered.Message.MessageId);
        Assert.EndsWith("@shop.example", delivered.Message.MessageId ?? "", StringComparison.Ordinal);
        Assert.Equal("auto-generated", delivered.Message.Headers["Auto-Submitted"]);
        Assert.Equal("Zgłoszenie C-2026-000001", delivered.Message.Subject);
        Assert.Contains("zażółć gęślą jaźń", delivered.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Shop customer service", Assert.Single(delivered.Message.From.Mailboxes).Name);
    }

    [Fact]
    public async Task OneSession_SendsEachMessageOnItsOwn_AndARefusedRecipientFailsOnlyItsMessage()
    {
        var sender = Sender();
        var session = await sender.OpenAsync(Cancel);
        await using (session)
        {
            await session.SendAsync(Message(sender, "first.session@handlers.example"), Cancel);
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => session.SendAsync(Message(sender, "nobody+reject@handlers.example"), Cancel));
            Assert.Equal(SmtpStatusCode.MailboxUnavailable, refused.StatusCode);
            await session.SendAsync(Message(sender, "second.session@handlers.example"), Cancel);
        }

        Assert.Single(await WaitForAsync("first.session@handlers.example"));
        Assert.Single(await WaitForAsync("second.session@handlers.example"));
        Assert.Empty(smtp.DeliveredTo("nobody+reject@handlers.example"));
    }

    [Fact]
    public async Task ServerDown_OpeningFails_AndSendingWorksAgainOnceItIsBack()
    {
        var sender = Sender();
        await smtp.Sink.StopAsync();
        try
        {
            await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => sender.SendAsync(Message(sender, "outage@handlers.example"), Cancel));
        }
        finally
        {
            await smtp.Sink.StartAgainAsync(Cancel);
        }

        await sender.SendAsync(Message(sender, "outage@handlers.example"), Cancel);
        Assert.Single(await WaitForAsync("outage@handlers.example"));
    }

    [Fact]
    public async Task ServerRequiringSignIn_RightPasswordSends_WrongOneIsRefusedAndLoggedWithoutIt()
    {
        var password = "smtp-right-" + Guid.NewGuid().ToString("N");
        var wrong = "smtp-wrong-" + Guid.NewGuid().ToString("N");
        var variable = "CAPTURE_TEST_SMTP_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        await using var server = await SmtpSink.StartAsync(new NetworkCredential("capture", password), Cancel);
        using var logs = new CollectingLoggerProvider();
        using var loggers = new LoggerFactory([logs]);
        var options = smtp.Options();
        options.Port = server.Port;
        options.User = "capture";
        options.PasswordVariable = variable;
        var sender = new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(options), loggers.CreateLogger<SmtpMailSender>());
        try
        {
            Environment.SetEnvironmentVariable(variable, wrong);
            await Assert.ThrowsAsync<AuthenticationException>(() => sender.SendAsync(Message(sender, "refused.signin@handlers.example"), Cancel));
            Environment.SetEnvironmentVariable(variable, password);
            await sender.SendAsync(Message(sender, "signed.in@handlers.example"), Cancel);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Assert.Equal(["signed.in@handlers.example"], (await server.WaitForAsync(1, TimeSpan.FromSeconds(10), Cancel)).SelectMany(m => m.Recipients));
        Assert.Contains(logs.Lines, l => l.Contains($"The SMTP server 127.0.0.1:{server.Port} refused Capture's sign-in as capture (", StringComparison.Ordinal) && l.Contains(variable, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(wrong, StringComparison.Ordinal) || l.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoServerConfigured_SendingSaysWhichSettingsAreMissing()
    {
        var sender = new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(new SmtpOptions()), NullLogger<SmtpMailSender>.Instance);

        Assert.False(sender.Enabled);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.OpenAsync(Cancel));
        Assert.Contains("Smtp:Host", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null, null, "Smtp:From")]
    [InlineData("not an address", null, null, "Smtp:From")]
    [InlineData("obsluga@shop.example", "robot", null, "Smtp:PasswordVariable")]
    public void InvalidSettings_AreReportedWithTheirKey(string from, string? user, string? passwordVariable, string key)
    {
        var options = new SmtpOptions { Host = "smtp.shop.example", From = from, User = user, PasswordVariable = passwordVariable };

        Assert.Contains(options.Validate(), problem => problem.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void MailTurnedOff_NeedsNoOtherSetting() => Assert.Empty(new SmtpOptions { From = "" }.Validate());

    private SmtpMailSender Sender() =>
        new(Microsoft.Extensions.Options.Options.Create(smtp.Options()), NullLogger<SmtpMailSender>.Instance);

    private static MimeMessage Message(SmtpMailSender sender, string to)
    {
        var message = sender.NewMessage();
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Test";
        message.Body = new TextPart("plain") { Text = "Test." };
        return message;
    }

    private async Task<IReadOnlyList<Capture.Testing.Mail.DeliveredMail>> WaitForAsync(string recipient)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (smtp.DeliveredTo(recipient) is { Count: 0 } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Cancel);
        }

        return smtp.DeliveredTo(recipient);
    }
}
