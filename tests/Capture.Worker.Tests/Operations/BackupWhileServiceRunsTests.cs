using Capture.Testing;
using Capture.Worker.Cli;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Operations;

/// <summary>
/// <c>capture backup</c> from another command while <c>capture run</c> holds the archive and captures from a drop
/// folder: the service takes the backup through its control socket, and the backup restores into an archive that verifies.
/// </summary>
public sealed class BackupWhileServiceRunsTests : IDisposable
{
    // The first service of a test run trains the shared category model before it starts (a minute or more under load).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Backup_WhileTheServiceCaptures_IsTakenByTheServiceAndRestoresClean()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var archive = _directory.Combine("archive");
        var drop = _directory.Combine("drop");
        Directory.CreateDirectory(drop);
        var settings = new Dictionary<string, string?>
        {
            ["Web:Enabled"] = "false",
            ["DropFolders:0:Name"] = "scanner",
            ["DropFolders:0:Path"] = drop,
            ["DropFolders:0:StableFor"] = "00:00:00.2",
            ["DropFolders:0:ScanInterval"] = "00:00:00.2",
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var serviceOutput = new StringWriter();
        using var serviceError = new StringWriter();
        var service = Task.Run(() => CaptureCommandLine.InvokeAsync(["run", "--archive", archive], serviceOutput, serviceError, WithModel(settings), stop.Token), cancellationToken);
        try
        {
            await WriteLettersAsync(drop, 0, 3);
            await WaitUntilAsync(() => File.Exists(Path.Combine(archive, "capture.sock")) && Directory.GetFiles(drop).Length == 0, serviceError);

            await WriteLettersAsync(drop, 10, 6);
            var backup = _directory.Combine("backup");
            var (exit, output, error) = await RunAsync(["backup", backup, "--archive", archive]);

            Assert.True(exit == 0, output + error + serviceError);
            Assert.Contains("Backed up", output, StringComparison.Ordinal);
            await WaitUntilAsync(() => Directory.GetFiles(drop).Length == 0, serviceError);
            await stop.CancelAsync();
            await service;

            var restored = _directory.Combine("restored");
            (exit, output, error) = await RunAsync(["restore", backup, "--archive", restored]);
            Assert.True(exit == 0, output + error);
            Assert.Contains("Verified: no problems.", output, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            await service.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose() => _directory.Dispose();

    private static Dictionary<string, string?> WithModel(Dictionary<string, string?> settings)
    {
        settings["Classifier:ModelPath"] = TestArchive.SharedModelPath;
        return settings;
    }

    private static async Task WriteLettersAsync(string drop, int first, int count)
    {
        for (var number = first; number < first + count; number++)
        {
            using var message = TestLetters.Create(number);
            var staging = Path.Combine(drop, $".letter-{number}.tmp");
            await message.WriteToAsync(staging, TestContext.Current.CancellationToken);
            File.Move(staging, Path.Combine(drop, $"letter-{number}.eml"));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, StringWriter serviceError)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The service did not get there in time: " + serviceError);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = WithModel(new Dictionary<string, string?> { ["Web:Enabled"] = "false" });
        var exit = await CaptureCommandLine.InvokeAsync(args, output, error, configuration, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
