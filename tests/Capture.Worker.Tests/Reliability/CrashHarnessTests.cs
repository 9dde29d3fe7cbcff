using System.Globalization;
using Archive.Search;
using Archive.Store;
using Capture.Testing;
using Capture.Worker.Hosting;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Reliability;

/// <summary>
/// The crash harness: round after round, new mail and files arrive while the real <c>capture run</c> works a drop
/// folder and a Dovecot mailbox, and the process is killed with SIGKILL at a random moment, then started again. At the
/// end every item must be in the archive exactly once. <c>scripts/crash-harness.sh</c> runs it with 50 rounds; the test
/// suite runs <see cref="DefaultRounds"/> (set <c>CAPTURE_CRASH_ROUNDS</c> and <c>CAPTURE_CRASH_SEED</c> to change or
/// repeat a run).
/// </summary>
public sealed class CrashHarnessTests(DovecotFixture dovecot, ITestOutputHelper output) : IClassFixture<DovecotFixture>
{
    private const int DefaultRounds = 4;
    private const string PasswordVariable = "CAPTURE_CRASH_MAILBOX_PASSWORD";
    private const string DropName = "scanner";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledAtRandomMomentsAndRestarted_EveryItemEndsInTheArchiveExactlyOnce()
    {
        var rounds = EnvironmentNumber("CAPTURE_CRASH_ROUNDS") ?? DefaultRounds;
        var seed = EnvironmentNumber("CAPTURE_CRASH_SEED") ?? Random.Shared.Next();
        var random = new Random(seed);
        var user = await dovecot.NewUserAsync();
        using var directory = new TempDirectory();
        var archive = directory.Combine("archive");
        var drop = Directory.CreateDirectory(directory.Combine("drop")).FullName;
        var batch = new CrashBatch(random);
        Log($"Crash harness: {rounds} rounds, seed {seed} (CAPTURE_CRASH_SEED={seed} repeats it).");
        await TestArchive.EnsureSharedModelAsync();

        for (var round = 1; round <= rounds; round++)
        {
            await dovecot.Server.Mail.AppendManyAsync(user, "INBOX", batch.Next(drop), cancellationToken: Cancel);
            using var service = Start(archive, drop, user);
            var moment = await KillAtRandomMomentAsync(service, random);
            Log($"round {round}: killed {moment}, after {service.Captures} new case(s) in this run");
        }

        using (var last = Start(archive, drop, user))
        {
            await WaitUntilEverythingIsTakenAsync(last, drop, user);
            await last.StopAsync(Cancel);
        }

        ArchiveAudit audit;
        using (var host = CaptureHostFactory.Build(TestArchive.ForDirectory(archive)))
        {
            audit = ArchiveAudit.Of(
                host.Services.GetRequiredService<ArchiveStore>(),
                host.Services.GetRequiredService<ArchiveIndex>(),
                batch.MessageIds,
                batch.DroppedFiles,
                "drop:" + DropName);
        }

        // The operator's own check of the same archive: originals' hashes, files against records, numbering, index against store.
        var (verified, verifyOutput) = await VerifyAsync(archive);
        var moved = (await dovecot.Server.Mail.ListAsync(user, "Captured", Cancel)).Select(m => m.MessageId).ToList();
        var items = batch.MessageIds.Count + batch.DroppedFiles.Count;
        Log(string.Create(CultureInfo.InvariantCulture,
            $"Totals: {rounds} rounds, {items} items ({batch.MessageIds.Count} e-mails, {batch.DroppedFiles.Count} files), {audit.Lost.Count} lost, {audit.Duplicated.Count} duplicated; " +
            $"{audit.Cases} cases, {audit.Documents} documents, {audit.Quarantined} quarantined, {audit.SetAside} file(s) of uncommitted captures set aside, {audit.Problems.Count} other problem(s)."));
        foreach (var line in audit.Lost.Select(i => "lost: " + i).Concat(audit.Duplicated.Select(i => "duplicated: " + i)).Concat(audit.Problems))
        {
            Log("  " + line);
        }

        Log($"capture verify: exit {verified}{(verified == 0 ? "" : Environment.NewLine + verifyOutput)}");
        Assert.Empty(audit.Lost);
        Assert.Empty(audit.Duplicated);
        Assert.Empty(audit.Problems);
        Assert.Equal(batch.MessageIds.Order(StringComparer.Ordinal), moved.Order(StringComparer.Ordinal));
        Assert.Equal(0, verified);
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(string archive)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new Dictionary<string, string?> { ["Classifier:ModelPath"] = TestArchive.SharedModelPath };
        var exit = await Capture.Worker.Cli.CaptureCommandLine.InvokeAsync(["verify", "--archive", archive], output, error, configuration, Cancel);
        return (exit, output.ToString() + error);
    }

    /// <summary>Half the rounds die at any moment (start-up included), half shortly after the run's first new case.</summary>
    private static async Task<string> KillAtRandomMomentAsync(CaptureService service, Random random)
    {
        string moment;
        if (random.Next(2) == 0)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(500, 9_000));
            await Task.Delay(delay, Cancel);
            moment = string.Create(CultureInfo.InvariantCulture, $"{delay.TotalSeconds:0.0} s after start");
        }
        else
        {
            await service.WaitForCapturesAsync(1, Patience, Cancel);
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 1_500));
            await Task.Delay(delay, Cancel);
            moment = string.Create(CultureInfo.InvariantCulture, $"{delay.TotalSeconds:0.0} s after its first new case");
        }

        service.Kill();
        return moment;
    }

    private async Task WaitUntilEverythingIsTakenAsync(CaptureService service, string drop, string user)
    {
        var deadline = DateTime.UtcNow + Patience;
        var processing = Path.Combine(drop, ".capture", "processing");
        while (await dovecot.Server.Mail.CountAsync(user, "INBOX", Cancel) > 0 ||
               Directory.EnumerateFiles(drop).Any() ||
               (Directory.Exists(processing) && Directory.EnumerateFileSystemEntries(processing).Any()))
        {
            Assert.False(service.HasExited, "capture run exited:\n" + service.Log);
            Assert.True(DateTime.UtcNow < deadline, "capture run did not take every item in time:\n" + service.Log);
            await Task.Delay(250, Cancel);
        }
    }

    private CaptureService Start(string archive, string drop, string user) => CaptureService.Start(
        archive,
        new Dictionary<string, string>
        {
            ["DropFolders__0__Name"] = DropName,
            ["DropFolders__0__Path"] = drop,
            ["DropFolders__0__StableFor"] = "00:00:00.2",
            ["DropFolders__0__ScanInterval"] = "00:00:00.3",
            ["Mailboxes__0__Name"] = "crash",
            ["Mailboxes__0__Host"] = Capture.Testing.Mail.DovecotServer.Host,
            ["Mailboxes__0__Port"] = dovecot.Server.Ports.Imap.ToString(CultureInfo.InvariantCulture),
            ["Mailboxes__0__Security"] = "None",
            ["Mailboxes__0__User"] = user,
            ["Mailboxes__0__PasswordVariable"] = PasswordVariable,
            ["Mailboxes__0__BatchSize"] = "2",
            ["Mailboxes__0__PollInterval"] = "00:00:00.5",
            ["Mailboxes__0__Disposition__Action"] = "Move",
            ["Mailboxes__0__Disposition__Folder"] = "Captured",
            ["Capture__IndexCommitInterval"] = "00:00:00.2",
        },
        new Dictionary<string, string> { [PasswordVariable] = dovecot.Server.CredentialsOf(user).Password });

    private void Log(string line)
    {
        output.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }

    private static int? EnvironmentNumber(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
