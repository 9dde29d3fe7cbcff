using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Hosting;

/// <summary>
/// A host's own temporary folder, <c>capture-{process id}-{random}</c> in the system temp folder (or in
/// <c>Extraction:TempDirectory</c>), where extraction puts rendered pages, OCR page PDFs and copies of attachments.
/// The classifier removes its files when it is done with them; a process killed mid-item cannot, so each process
/// removes, when it starts, the folders of Capture processes that are no longer running, and its own when it stops.
/// Folders of processes still running (another <c>capture import</c> beside the service, or another host in this
/// process, as in the tests) are left alone.
/// </summary>
internal sealed partial class ProcessTempFolder : IDisposable
{
    private const string Prefix = "capture-";

    private readonly ILogger<ProcessTempFolder> logger;

    /// <param name="root">Where the folder goes; null for the system temp folder.</param>
    /// <param name="logger">Reports the leftovers removed.</param>
    /// <exception cref="IOException">The folder could not be created.</exception>
    public ProcessTempFolder(string? root, ILogger<ProcessTempFolder> logger)
    {
        this.logger = logger;
        var parent = root ?? System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(parent, $"{Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        RemoveLeftovers(parent);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose() => TryDelete(Path);

    private void RemoveLeftovers(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(parent, Prefix + "*"))
        {
            var name = System.IO.Path.GetFileName(folder);
            var owner = name.AsSpan(Prefix.Length);
            owner = owner[..Math.Max(0, owner.IndexOf('-'))];
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
                && processId != Environment.ProcessId
                && !IsRunning(processId)
                && TryDelete(folder))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            LogLeftoversRemoved(logger, removed, parent);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogCannotRemove(logger, exception, folder);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} temporary folder(s) in {Parent} left by Capture processes that had stopped")]
    private static partial void LogLeftoversRemoved(ILogger logger, int count, string parent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The temporary folder {Folder} could not be removed; remove it by hand when no Capture process runs")]
    private static partial void LogCannotRemove(ILogger logger, Exception exception, string folder);
}
