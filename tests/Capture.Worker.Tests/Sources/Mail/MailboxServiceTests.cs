using Capture.Testing;
using Capture.Worker.Sources.Mail;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Tests.Sources.Mail;

/// <summary><see cref="MailboxSource"/> as <c>capture run</c> hosts it: IDLE, reconnection, and failures kept to one account.</summary>
public sealed class MailboxServiceTests(DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    // Generous: under a full parallel test run the first capture may wait for the shared category model to be trained.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Idle_MailArrivingAfterThePoll_IsCapturedWithoutWaitingForThePollInterval()
    {
        var user = await dovecot.NewUserAsync();
        using var logs = new CollectingLoggerProvider();
        using var archive = new TestArchive(services => services.AddSingleton<ILoggerProvider>(logs), CollectingLoggerProvider.Configuration);
        var account = MailboxTestAccounts.Imap(dovecot.Server, user);
        account.PollInterval = TimeSpan.FromHours(1);
        using var first = TestLetters.Create(100);
        await dovecot.Server.Mail.AppendAsync(user, "INBOX", first, cancellationToken: Cancel);
        using var source = Source(archive, account);
        await source.StartAsync(Cancel);
        await WaitUntilAsync(() => archive.Store.ListCases().Count == 1, () => string.Join('\n', logs.Lines));
        await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);

        // The first poll is over; the next is an hour away, so only IDLE can bring this one in.
        using var second = TestLetters.Create(101);
        await dovecot.Server.Mail.AppendAsync(user, "INBOX", second, cancellationToken: Cancel);

        await WaitUntilAsync(() => archive.Store.ListCases().Count == 2, () => string.Join('\n', logs.Lines));
        await source.StopAsync(Cancel);
    }

    [Fact]
    public async Task ServerRestartDuringAPoll_TheSourceReconnects_AndCapturesEveryMessageOnce()
    {
        // Enough batches that the source is still reading from the server when it stops: with 40, a fast run had read
        // them all ahead of filing, so the restart cost it no connection.
        const int Count = 300;
        var user = await dovecot.NewUserAsync();
        await dovecot.Server.Mail.AppendManyAsync(user, "INBOX", TestLetters.Range(200, Count), cancellationToken: Cancel);
        using var logs = new CollectingLoggerProvider();
        using var archive = new TestArchive(services => services.AddSingleton<ILoggerProvider>(logs), CollectingLoggerProvider.Configuration);
        var account = MailboxTestAccounts.Imap(dovecot.Server, user);
        account.BatchSize = 5;
        using var source = Source(archive, account);

        await source.StartAsync(Cancel);
        await WaitUntilAsync(() => archive.Store.ListCases().Count >= 3);
        await dovecot.Server.StopAsync(Cancel);
        var capturedWhenStopped = archive.Store.ListCases().Count;
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        await dovecot.Server.StartAgainAsync(Cancel);
        await WaitUntilAsync(() => archive.Store.ListCases().Count == Count);
        await WaitUntilAsync(async () => (await dovecot.Server.Mail.ListAsync(user, "INBOX", Cancel)).All(m => m.Flags.HasFlag(MailKit.MessageFlags.Seen)));
        await source.StopAsync(Cancel);

        Assert.InRange(capturedWhenStopped, 3, Count - 1);
        Assert.Equal(Count, archive.Store.ListCases().Select(c => c.RegistrationNumber).Distinct().Count());
        Assert.Equal(Count, archive.Store.ListDocuments().Select(d => d.MessageId).Distinct().Count());

        // The restart cost the source its connection: it connected again. (Whether it logged a failure first depends on
        // where the server's goodbye arrived: in the middle of a command, or with a completed one.)
        Assert.True(logs.Lines.Count(l => l.Contains($"Connected to mail:{user} at", StringComparison.Ordinal)) >= 2, string.Join('\n', logs.Lines));
    }

    [Fact]
    public async Task AccountWithAWrongPassword_IsReportedAndRetried_WhileAnotherAccountIsCaptured()
    {
        var good = await dovecot.NewUserAsync();
        var bad = await dovecot.NewUserAsync();
        using var letter = TestLetters.Create(300);
        await dovecot.Server.Mail.AppendAsync(good, "INBOX", letter, cancellationToken: Cancel);
        using var logs = new CollectingLoggerProvider();
        using var archive = new TestArchive(services => services.AddSingleton<ILoggerProvider>(logs), CollectingLoggerProvider.Configuration);
        var wrong = MailboxTestAccounts.Imap(dovecot.Server, bad);
        wrong.Password = "Wrong-Passw0rd-Never-Logged";
        using var failing = Source(archive, wrong);
        using var working = Source(archive, MailboxTestAccounts.Imap(dovecot.Server, good));

        await failing.StartAsync(Cancel);
        await working.StartAsync(Cancel);
        await WaitUntilAsync(() => archive.Store.ListCases().Count == 1);
        await WaitUntilAsync(() => logs.Lines.Count(l => l.Contains($"mail:{bad}: the server refused the sign-in as {bad}", StringComparison.Ordinal)) >= 2, () => string.Join('\n', logs.Lines));
        await failing.StopAsync(Cancel);
        await working.StopAsync(Cancel);

        Assert.Contains(logs.Lines, l => l.Contains($"mail:{bad}: the server refused the sign-in as {bad} at {wrong.Host}:{wrong.EffectivePort}", StringComparison.Ordinal) &&
            l.Contains("check the password in the configuration (Password of mailbox", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(wrong.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(dovecot.Server.CredentialsOf(good).Password, StringComparison.Ordinal));
    }

    private static MailboxSource Source(TestArchive archive, MailboxOptions account) =>
        ActivatorUtilities.CreateInstance<MailboxSource>(archive.Host.Services, account);

    private static Task WaitUntilAsync(Func<bool> condition, Func<string>? explain = null) => WaitUntilAsync(() => Task.FromResult(condition()), explain);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string>? explain = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time. " + explain?.Invoke());
            await Task.Delay(50, Cancel);
        }
    }
}
