using System.Diagnostics;
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

        var capturedBeforeKill = new List<int>();
        for (var round = 0; round < Kills; round++)
        {
            using var run = StartRun(archive, user);
            capturedBeforeKill.Add(await run.WaitForCapturesAsync(3 + round, TimeSpan.FromMinutes(4)));
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

            await last.StopAsync();
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

    private RunningService StartRun(string archive, string user)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "capture.dll"), "run", "--archive", archive])
        {
            start.ArgumentList.Add(argument);
        }

        var settings = new Dictionary<string, string>
        {
            ["Classifier__ModelPath"] = TestArchive.SharedModelPath,
            ["Web__Enabled"] = "false",
            ["Mailboxes__0__Name"] = "crash",
            ["Mailboxes__0__Host"] = Capture.Testing.Mail.DovecotServer.Host,
            ["Mailboxes__0__Port"] = dovecot.Server.Ports.Imap.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mailboxes__0__Security"] = "None",
            ["Mailboxes__0__User"] = user,
            ["Mailboxes__0__PasswordVariable"] = PasswordVariable,
            ["Mailboxes__0__BatchSize"] = "7",
            ["Mailboxes__0__PollInterval"] = "00:00:00.5",
            ["Mailboxes__0__Disposition__Action"] = "Move",
            ["Mailboxes__0__Disposition__Folder"] = "Captured",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment["CAPTURE_" + key] = value;
        }

        start.Environment[PasswordVariable] = dovecot.Server.CredentialsOf(user).Password;
        return new RunningService(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."));
    }

    private sealed class RunningService : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _log = new();
        private readonly Task _reading;
        private int _captures;

        public RunningService(Process process)
        {
            _process = process;
            _reading = Task.WhenAll(ReadAsync(process.StandardError), ReadAsync(process.StandardOutput));
        }

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        public async Task<int> WaitForCapturesAsync(int count, TimeSpan patience)
        {
            var deadline = DateTime.UtcNow + patience;
            while (Volatile.Read(ref _captures) < count)
            {
                Assert.False(_process.HasExited, "capture run exited early:\n" + Log);
                Assert.True(DateTime.UtcNow < deadline, "capture run captured too little in time:\n" + Log);
                await Task.Delay(20, Cancel);
            }

            return Volatile.Read(ref _captures);
        }

        public void Kill()
        {
            // SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public async Task StopAsync()
        {
            using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await terminate.WaitForExitAsync(Cancel);
            await _process.WaitForExitAsync(Cancel);
            await _reading;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private async Task ReadAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Contains("Captured C-", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _captures);
                }

                lock (_log)
                {
                    _log.AppendLine(line);
                }
            }
        }
    }
}
