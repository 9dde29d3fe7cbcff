using Capture.Testing;
using Capture.Worker.Cli;
using Capture.Worker.Operations;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Operations;

/// <summary>
/// <c>capture backup</c> taken while captures go on in the same service, restored with <c>capture restore</c> into an
/// empty folder: every file matches its manifest, the counts agree and <c>capture verify</c> passes; a tampered backup is refused.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly TestArchive _archive = new();
    private readonly TempDirectory _elsewhere = new();

    [Fact]
    public async Task Backup_DuringConcurrentCaptures_RestoresIntoAnEmptyFolderThatVerifies()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var inbox = _archive.Scratch("inbox");
        for (var i = 0; i < 3; i++)
        {
            await _archive.ImportAsync(await WriteLetterAsync(inbox, $"before-{i}.eml", i));
        }

        // Captures keep filing while the backup runs; the backup must be one moment of the archive, whatever they do.
        var capturing = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                await _archive.ImportAsync(await WriteLetterAsync(inbox, $"during-{i}.eml", 100 + i));
            }
        }, cancellationToken);
        await Task.Delay(200, cancellationToken);
        var backup = _elsewhere.Combine("backup");
        var manifest = _archive.Host.Services.GetRequiredService<ArchiveBackup>().Create(backup, cancellationToken);
        await capturing;

        Assert.InRange(manifest.Cases, 3, 9);
        Assert.Equal(manifest.Cases, manifest.Documents);
        Assert.True(File.Exists(Path.Combine(backup, BackupManifest.ChecksumsFileName)));

        var restored = _elsewhere.Combine("restored");
        var (exit, output, error) = await RunAsync(["restore", backup, "--archive", restored]);

        Assert.True(exit == 0, output + error);
        Assert.Contains("Verified: no problems.", output, StringComparison.Ordinal);
        (exit, output, error) = await RunAsync(["verify", "--archive", restored]);
        Assert.True(exit == 0, output + error);
        Assert.Contains($"Checked {manifest.Cases} case(s), {manifest.Documents} document(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_TamperedBackup_IsRefusedAndTheTargetIsLeftAlone()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _archive.ImportAsync(await WriteLetterAsync(_archive.Scratch("inbox"), "letter.eml", 1));
        var backup = _elsewhere.Combine("backup");
        _archive.Host.Services.GetRequiredService<ArchiveBackup>().Create(backup, cancellationToken);
        var original = _archive.Store.ListDocuments().Single().ArchivePath;
        await File.AppendAllTextAsync(Path.Combine(backup, original), "forged", cancellationToken);

        var restored = _elsewhere.Combine("restored");
        var (exit, _, error) = await RunAsync(["restore", backup, "--archive", restored]);

        Assert.Equal(1, exit);
        Assert.Contains("fails its manifest", error, StringComparison.Ordinal);
        Assert.Contains(original, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(restored) && Directory.EnumerateFileSystemEntries(restored).Any());
    }

    [Fact]
    public async Task Restore_IntoANonEmptyFolder_IsRefusedWithoutForce()
    {
        var backup = _elsewhere.Combine("backup");
        _archive.Host.Services.GetRequiredService<ArchiveBackup>().Create(backup, TestContext.Current.CancellationToken);
        var occupied = _elsewhere.Combine("occupied");
        Directory.CreateDirectory(occupied);
        await File.WriteAllTextAsync(Path.Combine(occupied, "keep.eml"), "mine", TestContext.Current.CancellationToken);

        var (exit, _, error) = await RunAsync(["restore", backup, "--archive", occupied]);

        Assert.Equal(1, exit);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(occupied, "keep.eml")));
    }

    public void Dispose()
    {
        _archive.Dispose();
        _elsewhere.Dispose();
    }

    /// <summary>Writes e-mail number <paramref name="number"/> (distinct content) as an <c>.eml</c> file.</summary>
    private static async Task<string> WriteLetterAsync(string folder, string name, int number)
    {
        var path = Path.Combine(folder, name);
        using var message = TestLetters.Create(number);
        await message.WriteToAsync(path, TestContext.Current.CancellationToken);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new Dictionary<string, string?> { ["Classifier:ModelPath"] = TestArchive.SharedModelPath };
        var exit = await CaptureCommandLine.InvokeAsync(args, output, error, configuration, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
