using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Capture.Testing.Mail;

/// <summary>
/// The few process operations the Dovecot fixture needs that .NET lacks: reading <c>/proc/&lt;pid&gt;/stat</c>,
/// finding a process's children, and sending SIGTERM (<see cref="Process.Kill()"/> only sends SIGKILL).
/// </summary>
internal static class UnixProcesses
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ResignalInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KilledExitWait = TimeSpan.FromSeconds(10);

    /// <summary>The process's parent and start time (clock ticks after boot), or null when it no longer exists.</summary>
    public static ProcessStat? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name in parentheses may itself hold spaces and ')': the fields start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcessStat(
            fields[0][0],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    /// <summary>True while the process exists and has not exited (a zombie waiting to be reaped counts as gone).</summary>
    public static bool IsRunning(int pid) => ReadStat(pid) is { State: not 'Z' and not 'X' };

    /// <summary>The processes whose parent is <paramref name="parent"/>.</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid)?.ParentId == parent)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    /// <summary>The TCP (IPv4) ports on which the process itself holds a listening socket.</summary>
    public static IReadOnlySet<int> ListeningPorts(int pid)
    {
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd"))
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    sockets.Add(target["socket:[".Length..^1]);
                }
            }
        }
        catch (IOException)
        {
            // The process is gone, or a descriptor closed while being read.
            return new HashSet<int>();
        }

        // Lines of /proc/net/tcp: "sl local_address(hex ip:port) rem_address st(0A = LISTEN) … uid timeout inode …".
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 9 && fields[3] == "0A" && sockets.Contains(fields[9]))
            .Select(fields => int.Parse(fields[1].AsSpan(fields[1].IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    /// <summary>
    /// Ends every process that <paramref name="processes"/> lists; it is asked again each round, so processes forked
    /// meanwhile are caught too. SIGTERM goes out again every half second, because a process forked a moment before
    /// may not have set up its handlers yet and so misses it; after <paramref name="grace"/> SIGKILL, and up to ten
    /// seconds more for the killed ones to be gone.
    /// </summary>
    public static async Task TerminateAsync(Func<IEnumerable<int>> processes, TimeSpan grace, CancellationToken cancellationToken)
    {
        // Start times tell a process from a later one that reuses its id.
        var seen = new Dictionary<int, long>();
        var stopwatch = Stopwatch.StartNew();
        TimeSpan? signalled = null;
        // A killed process can still take a while to go, in uninterruptible disk sleep on a loaded machine: wait for it.
        while (stopwatch.Elapsed < grace + KilledExitWait)
        {
            foreach (var pid in processes())
            {
                if (!seen.ContainsKey(pid) && ReadStat(pid) is { } stat)
                {
                    seen[pid] = stat.StartTime;
                }
            }

            var running = seen.Where(p => ReadStat(p.Key) is { State: not 'Z' and not 'X' } stat && stat.StartTime == p.Value).Select(p => p.Key).ToList();
            if (running.Count == 0)
            {
                return;
            }

            var killing = stopwatch.Elapsed > grace;
            if (killing || signalled is null || stopwatch.Elapsed - signalled >= ResignalInterval)
            {
                running.ForEach(pid => _ = Kill(pid, killing ? SigKill : SigTerm));
                signalled = stopwatch.Elapsed;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Asks the process to exit (SIGTERM); nothing happens when it is gone already.</summary>
    public static void SendTerminate(int pid) => _ = Kill(pid, SigTerm);

    /// <summary>Ends the process at once (SIGKILL); nothing happens when it is gone already.</summary>
    public static void KillNow(int pid) => _ = Kill(pid, SigKill);

    /// <summary>Waits until none of the processes runs; false when some still did after <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitForExitAsync(IEnumerable<int> pids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (pids.Any(IsRunning))
        {
            if (stopwatch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return true;
    }

    /// <summary>Runs a program to its end and returns its output.</summary>
    /// <exception cref="InvalidOperationException">
    /// The program could not be started, or exited with a code not in <paramref name="acceptedExitCodes"/> (default: 0).
    /// </exception>
    public static async Task<ProgramResult> RunAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, IReadOnlyCollection<int>? acceptedExitCodes = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var result = new ProgramResult(process.ExitCode, await output, await error);
        if (!(acceptedExitCodes ?? [0]).Contains(result.ExitCode))
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {(result.Error + result.Output).Trim()}");
        }

        return result;
    }

    // DllImport rather than LibraryImport: the latter needs AllowUnsafeBlocks in every project linking this file,
    // and kill(2) takes only blittable arguments.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>The fields of <c>/proc/&lt;pid&gt;/stat</c> the fixture uses.</summary>
internal sealed record ProcessStat(char State, int ParentId, long StartTime);

/// <summary>What a finished program returned.</summary>
internal sealed record ProgramResult(int ExitCode, string Output, string Error);
