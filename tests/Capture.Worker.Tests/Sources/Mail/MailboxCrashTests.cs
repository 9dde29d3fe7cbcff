using Capture.Worker.Tests.Support;
using MailKit;

namespace Capture.Worker.Tests.Sources.Mail;

/// <summary>The real <c>capture run</c> process killed with SIGKILL in the middle of a mailbox batch, then started again.</summary>
public sealed class MailboxCrashTests(DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    private const string PasswordVariable = "CAPTURE_TEST_MAILBOX_PASSWORD";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledMidBatchAndRestarted_EveryMessageIsCapturedOnce_AndOnlyCapturedOnesAreMoved()
    {
        const int Count = 60;
        const int Kills = 3;
        var user = await dovecot.NewUserAsync();
        var letters = TestLetters.Range(1000, Count);
        await dovecot.Server.Mail.AppendManyAsync(user, "INBOX", letters, cancellationToken: Cancel);
        using var directory = new Capture.Testing.TempDirectory();
        var archive = directory.Combine("archive");

        await TestArchive.EnsureSharedModelAsync();
        var capturedBeforeKill = new List<int>();
        for (var round = 0; round < Kills; round++)
        {
            using var run = StartRun(archive, user);
            capturedBeforeKill.Add(await run.WaitForCapturesAsync(3 + round, TimeSpan.FromMinutes(4), Cancel));
            run.Kill();
        }

        using (var last = StartRun(archive, user))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (await dovecot.Server.Mail.CountAsync(user, "INBOX", Cancel) > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The restarted service did not empty INBOX in time:\n" + last.Log);
                await Task.Delay(200, Cancel);
            }

            await last.StopAsync(Cancel);
        }

        using var host = Capture.Worker.Hosting.CaptureHostFactory.Build(TestArchive.ForDirectory(archive));
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Archive.Store.ArchiveStore>(host.Services);
        var cases = store.ListCases();
        var documents = store.ListDocuments();
        var moved = await dovecot.Server.Mail.ListAsync(user, "Captured", Cancel);
        TestContext.Current.SendDiagnosticMessage($"Crash test: {Kills} SIGKILLs after {string.Join(", ", capturedBeforeKill)} capture log lines; {cases.Count} cases, {moved.Count} moved.");

        Assert.Equal(Count, cases.Count);
        Assert.Equal(Count, cases.Select(c => c.RegistrationNumber).Distinct().Count());
        Assert.Equal(letters.Select(m => m.MessageId).Order(StringComparer.Ordinal), documents.Select(d => d.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(letters.Select(m => m.MessageId).Order(StringComparer.Ordinal), moved.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Empty(store.ListQuarantine());
    }

    private CaptureService StartRun(string archive, string user) => CaptureService.Start(
        archive,
        new Dictionary<string, string>
        {
            ["Mailboxes__0__Name"] = "crash",
            ["Mailboxes__0__Host"] = Capture.Testing.Mail.DovecotServer.Host,
            ["Mailboxes__0__Port"] = dovecot.Server.Ports.Imap.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mailboxes__0__Security"] = "None",
            ["Mailboxes__0__User"] = user,
            ["Mailboxes__0__PasswordVariable"] = PasswordVariable,
            // Batches of 21 in groups of 3: the kills land while one group downloads, one commits and one is indexed.
            ["Mailboxes__0__BatchSize"] = "21",
            ["Mailboxes__0__GroupSize"] = "3",
            ["Mailboxes__0__PollInterval"] = "00:00:00.5",
            ["Mailboxes__0__Disposition__Action"] = "Move",
            ["Mailboxes__0__Disposition__Folder"] = "Captured",
        },
        new Dictionary<string, string> { [PasswordVariable] = dovecot.Server.CredentialsOf(user).Password });
}
