using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Capture.Testing.Mail;

/// <summary>
/// Makes sure no test server outlives the process that started it. A disposed server stops itself; this covers the
/// rest: servers still running when the test process exits or gets SIGTERM (killed then), and servers left behind by a
/// test process that was SIGKILLed (found by their <see cref="DovecotLayout.OwnerFile"/> on the next start, stopped and
/// deleted there).
/// </summary>
internal static class AbandonedServers
{
    private static readonly ConcurrentDictionary<DovecotMaster, byte> Running = new();
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    // Held for the life of the process: the SIGTERM hook lasts as long as its registration.
    private static readonly PosixSignalRegistration TerminationHook = HookProcessExit();
    private static int _swept;

    /// <summary>The folder that holds every test server's folder.</summary>
    public static string Home { get; } = Path.Combine(Path.GetTempPath(), "capture-dovecot");

    public static void Track(DovecotMaster master) => Running.TryAdd(master, 0);

    public static void Forget(DovecotMaster master) => Running.TryRemove(master, out _);

    /// <summary>Writes who owns a new server folder: this process's id and start time (ids are reused).</summary>
    public static async Task ClaimAsync(DovecotLayout layout, CancellationToken cancellationToken)
    {
        var self = UnixProcesses.ReadStat(Environment.ProcessId) ?? throw new InvalidOperationException("/proc is not readable.");
        await File.WriteAllTextAsync(
            layout.OwnerFile,
            string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {self.StartTime}"),
            cancellationToken);
    }

    /// <summary>Once per process: stops the servers of test processes that no longer run and deletes their folders.</summary>
    public static async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _swept, 1) == 1 || !Directory.Exists(Home))
        {
            return;
        }

        foreach (var root in Directory.EnumerateDirectories(Home))
        {
            var layout = new DovecotLayout(root);
            if (IsOwnerGone(layout))
            {
                if (MasterOf(layout) is { } master)
                {
                    await UnixProcesses.TerminateAsync(() => [master, .. UnixProcesses.ChildrenOf(master)], Grace, cancellationToken);
                }

                DeleteQuietly(root);
            }
        }
    }

    /// <summary>The running master process of the server in <paramref name="layout"/>, or null.</summary>
    public static int? MasterOf(DovecotLayout layout)
    {
        try
        {
            var pid = int.Parse(File.ReadAllText(layout.MasterPidFile).Trim(), CultureInfo.InvariantCulture);
            // The id may have been reused since: it must be a dovecot started with this very configuration.
            var commandLine = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return UnixProcesses.IsRunning(pid) && commandLine.Contains(layout.ConfigFile, StringComparison.Ordinal) ? pid : null;
        }
        catch (Exception exception) when (exception is IOException or FormatException or OverflowException)
        {
            return null;
        }
    }

    public static void DeleteQuietly(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Another sweeping process may be deleting it too; a leftover temp folder harms nobody.
        }
    }

    private static bool IsOwnerGone(DovecotLayout layout)
    {
        string[] owner;
        try
        {
            owner = File.ReadAllText(layout.OwnerFile).Split(' ');
        }
        catch (IOException)
        {
            // A folder without an owner is either being created right now or a day-old wreck.
            return Directory.GetLastWriteTimeUtc(layout.Root) < DateTime.UtcNow.AddHours(-1);
        }

        return owner.Length != 2
            || !int.TryParse(owner[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || UnixProcesses.ReadStat(pid)?.StartTime.ToString(CultureInfo.InvariantCulture) != owner[1];
    }

    private static PosixSignalRegistration HookProcessExit()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillRunning();
        // .NET ends the process on SIGTERM without raising ProcessExit, so SIGTERM needs a hook of its own.
        return PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillRunning());
    }

    private static void KillRunning()
    {
        foreach (var master in Running.Keys)
        {
            master.KillNow();
        }
    }
}
