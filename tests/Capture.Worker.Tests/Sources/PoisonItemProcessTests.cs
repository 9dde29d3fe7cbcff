using System.Diagnostics;
using Archive.Store;
using Archive.Store.Intake;
using Capture.Testing;
using Capture.Worker.Hosting;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Sources;

/// <summary>
/// The real <c>capture run</c> process dies on an item every time it files it (<c>CAPTURE_CRASH_AT</c> ends it there
/// with FailFast, as a crash in a decoder or the kernel's OOM killer would), and is started again each time.
/// </summary>
public sealed class PoisonItemProcessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServiceKilledByAnItemEveryTime_QuarantinesItAfterMaxAttempts_InsteadOfLooping()
    {
        using var directory = new TempDirectory();
        var archive = directory.Combine("archive");
        var drop = directory.Combine("drop");
        Directory.CreateDirectory(drop);
        await File.WriteAllTextAsync(
            Path.Combine(drop, "letter.txt"),
            "Reklamacja zamówienia ZAM/2026/07701. Czajnik przestał grzać po dwóch dniach, proszę o zwrot pieniędzy.\nJan Kowalski\njan.kowalski@example.pl",
            Cancel);

        for (var run = 1; run <= 2; run++)
        {
            using var crashing = Start(archive, drop);
            await crashing.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromMinutes(3), Cancel);
            Assert.NotEqual(0, crashing.ExitCode);
        }

        using (var last = Start(archive, drop))
        {
            var quarantine = Path.Combine(archive, "quarantine", "crash");
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (!Directory.Exists(quarantine) || !Directory.EnumerateFiles(quarantine, "*.reason.txt").Any())
            {
                Assert.False(last.HasExited, "capture run died again instead of setting the item aside");
                Assert.True(DateTime.UtcNow < deadline, "capture run did not quarantine the item in time");
                await Task.Delay(100, Cancel);
            }

            last.Kill(entireProcessTree: true);
            await last.WaitForExitAsync(Cancel);
        }

        using var host = CaptureHostFactory.Build(TestArchive.ForDirectory(archive));
        var store = host.Services.GetRequiredService<ArchiveStore>();
        var record = Assert.Single(store.ListQuarantine());
        Assert.Equal(2, record.Attempts);
        Assert.Contains("2 ended unfinished because the service stopped or died", record.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(record.QuarantinedPath), "the letter's bytes were not kept");
        Assert.Equal(IntakeState.Quarantined, store.FindClaim(record.SourceKey!)!.State);
        Assert.Empty(store.ListCases());
        Assert.Empty(Directory.EnumerateFiles(drop, "*", SearchOption.AllDirectories));
    }

    private static Process Start(string archive, string drop)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "capture.dll"), "run", "--archive", archive])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Classifier__ModelPath"] = TestArchive.SharedModelPath,
            ["Web__Enabled"] = "false",
            ["Capture__Retry__MaxAttempts"] = "2",
            ["DropFolders__0__Name"] = "crash",
            ["DropFolders__0__Path"] = drop,
            ["DropFolders__0__StableFor"] = "00:00:00",
            ["DropFolders__0__ScanInterval"] = "00:00:00.2",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        })
        {
            start.Environment["CAPTURE_" + key] = value;
        }

        start.Environment["CAPTURE_CRASH_AT"] = "case-open-before-commit";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
    }
}
