using Archive.Store.Intake;
using Capture.Worker.Pipeline;
using Capture.Worker.Sources;
using Capture.Worker.Sources.Mail;
using Capture.Worker.Tests.Support;
using MailKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Capture.Worker.Tests.Sources.Mail;

/// <summary>A message whose capture keeps failing (the archive cannot file it) under the same retry policy as drop folders.</summary>
public sealed class MailboxPoisonTests(DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Poll_MessageFailingEveryTime_WaitsStaysOnTheServer_ThenIsQuarantinedWithItsBytes_AndARetryOpensOneCase()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var user = await dovecot.NewUserAsync();
        await dovecot.Server.Mail.AppendManyAsync(user, "INBOX", TestLetters.Range(700, 1), cancellationToken: Cancel);
        using var archive = new TestArchive(
            services => services.AddSingleton<TimeProvider>(time),
            new Dictionary<string, string?> { ["Capture:Retry:MaxAttempts"] = "2", ["Capture:Retry:FirstDelay"] = "00:00:10" });
        var account = MailboxTestAccounts.Imap(dovecot.Server, user);
        PoisonDropFolder.Block(archive.Root);

        Assert.Empty(await MailboxTestAccounts.PollOnceAsync(archive, account));
        var uid = (await dovecot.Server.Mail.ListAsync(user, "INBOX", Cancel)).Single().Uid;
        var key = archive.Store.FindClaim(MailboxKeys.ImapMessage(MailboxKeys.ImapFolder(account, "INBOX", uid.Validity), uid.Id))!;
        Assert.Equal((1, 1, time.GetUtcNow().AddSeconds(10)), (key.Attempts, key.Failures, key.NotBefore));
        Assert.Empty(await MailboxTestAccounts.PollOnceAsync(archive, account));
        Assert.Equal(1, archive.Store.FindClaim(key.SourceKey)!.Attempts);
        Assert.False((await dovecot.Server.Mail.ListAsync(user, "INBOX", Cancel)).Single().Flags.HasFlag(MessageFlags.Seen));

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(await MailboxTestAccounts.PollOnceAsync(archive, account));
        var quarantined = Assert.Single(await MailboxTestAccounts.PollOnceAsync(archive, account));

        Assert.Equal(CaptureOutcome.Quarantined, quarantined.Outcome);
        var record = Assert.Single(archive.Store.ListQuarantine());
        Assert.Equal(2, record.Attempts);
        Assert.Contains("Capturing this message was attempted 2 times", record.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(record.QuarantinedPath), "the message's bytes were not kept");
        Assert.Equal(IntakeState.Quarantined, archive.Store.FindClaim(key.SourceKey)!.State);
        Assert.True((await dovecot.Server.Mail.ListAsync(user, "INBOX", Cancel)).Single().Flags.HasFlag(MessageFlags.Seen));

        PoisonDropFolder.Unblock(archive.Root);
        var retried = await archive.Host.Services.GetRequiredService<QuarantineRetry>().RetryAsync(record, Cancel);

        Assert.Equal(CaptureOutcome.Opened, retried.Outcome);
        var opened = Assert.Single(archive.Store.ListCases());
        Assert.Equal(opened.RegistrationNumber, archive.Store.FindQuarantine(record.Id)!.ResolvedAs);
        Assert.Empty(await MailboxTestAccounts.PollOnceAsync(archive, account));
        Assert.Single(archive.Store.ListCases());
    }
}
