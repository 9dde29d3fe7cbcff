using System.Diagnostics;
using Capture.Testing;
using Capture.Worker.Hosting;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Tests.Hosting;

/// <summary>Extraction's temporary files live in a folder per process; a killed process's folder goes when the next one starts.</summary>
public sealed class ProcessTempFolderTests
{
    [Fact]
    public async Task Start_RemovesFoldersOfStoppedProcesses_KeepsRunningOnesAndOthers_AndStopRemovesItsOwn()
    {
        using var root = new TempDirectory();
        var stopped = Folder(root, $"capture-{await ExitedProcessIdAsync()}-0a1b2c", "page-00001.pdf");
        var runningProcess = Folder(root, "capture-1-3d4e5f", "page.png");
        var sameProcess = Folder(root, $"capture-{Environment.ProcessId}-6a7b8c", "copy.pdf");
        var unrelated = Folder(root, "capture-ocrpdf-4f2a", "page-00001.pdf");
        using var logs = new CollectingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));

        var folder = new ProcessTempFolder(root.Path, factory.CreateLogger<ProcessTempFolder>());
        try
        {
            Assert.False(Directory.Exists(stopped));
            Assert.True(Directory.Exists(runningProcess), "pid 1 is running; its folder stays");
            Assert.True(Directory.Exists(sameProcess), "another host of this process uses it");
            Assert.True(Directory.Exists(unrelated), "not a process folder");
            Assert.StartsWith(root.Combine($"capture-{Environment.ProcessId}-"), folder.Path, StringComparison.Ordinal);
            Assert.True(Directory.Exists(folder.Path));
            Assert.Contains(logs.Lines, line => line.Contains("Removed", StringComparison.Ordinal) && line.Contains("temporary folder", StringComparison.Ordinal));
        }
        finally
        {
            folder.Dispose();
        }

        Assert.False(Directory.Exists(folder.Path));
        Assert.True(Directory.Exists(sameProcess));
    }

    private static string Folder(TempDirectory root, string name, string file)
    {
        var path = root.Combine(name);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, file), "left over");
        return path;
    }

    /// <summary>The id of a process that has just ended (and not been reused in the microseconds since).</summary>
    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return process.Id;
    }
}
