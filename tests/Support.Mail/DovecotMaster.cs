using System.Diagnostics;
using System.Text;

namespace Capture.Testing.Mail;

/// <summary>
/// One run of a test server's Dovecot master process, from start until it and every process it forked have ended.
/// The master runs in the foreground (<c>dovecot -F</c>) as this process's child, so its id is known for sure and it
/// is reaped the moment it exits.
/// </summary>
internal sealed class DovecotMaster
{
    private const string Program = "/usr/sbin/dovecot";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TidyUp = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DovecotMaster(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>True when Dovecot's own binary is where Debian's packages put it.</summary>
    public static bool IsInstalled => File.Exists(Program);

    /// <summary>Starts Dovecot on the layout's configuration and waits until the master listens on every port.</summary>
    /// <exception cref="InvalidOperationException">
    /// Dovecot exited or did not listen within 15 s; the message holds its output and log.
    /// </exception>
    public static async Task<DovecotMaster> StartAsync(DovecotLayout layout, DovecotPorts ports, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Program)
        {
            ArgumentList = { "-F", "-c", layout.ConfigFile },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var master = new DovecotMaster(Process.Start(start) ?? throw new InvalidOperationException($"{Program} could not be started."));
        AbandonedServers.Track(master);
        master._process.OutputDataReceived += (_, line) => master.Remember(line.Data);
        master._process.ErrorDataReceived += (_, line) => master.Remember(line.Data);
        master._process.BeginOutputReadLine();
        master._process.BeginErrorReadLine();
        try
        {
            await master.WaitUntilListeningAsync(layout, ports, cancellationToken);
            return master;
        }
        catch
        {
            await master.StopAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Ends the master and every process it started with SIGTERM (SIGKILL after 5 s). The master hears it first, so it
    /// respawns nothing; its children are stopped here, because the master alone would wait a second or more for them.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        UnixProcesses.SendTerminate(Id);
        await UnixProcesses.TerminateAsync(() => UnixProcesses.ChildrenOf(Id), StopGrace, cancellationToken);
        // With its children gone the master only tidies up, yet now and then sleeps a second doing so.
        await UnixProcesses.TerminateAsync(() => [Id], TidyUp, cancellationToken);
        AbandonedServers.Forget(this);
        _process.Dispose();
    }

    /// <summary>For the process-exit hooks: SIGKILLs the master and its children without waiting.</summary>
    public void KillNow()
    {
        foreach (var pid in UnixProcesses.ChildrenOf(Id))
        {
            UnixProcesses.KillNow(pid);
        }

        UnixProcesses.KillNow(Id);
    }

    private void Remember(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>
    /// Waits until the master itself holds a listening socket on every port. Connecting would not do: another process
    /// may have taken a port since it was picked, and would answer while Dovecot fails to bind it.
    /// </summary>
    private async Task WaitUntilListeningAsync(DovecotLayout layout, DovecotPorts ports, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!ports.All.ToHashSet().IsSubsetOf(UnixProcesses.ListeningPorts(Id)))
        {
            if (_process.HasExited || stopwatch.Elapsed > StartTimeout)
            {
                throw await NotStartedAsync(layout, cancellationToken);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<InvalidOperationException> NotStartedAsync(DovecotLayout layout, CancellationToken cancellationToken)
    {
        var state = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"did not listen within {StartTimeout.TotalSeconds} s";
        if (_process.HasExited)
        {
            // Its last words may still be in the pipe: wait for the end of its output, but not long.
            using var drained = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            drained.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                await _process.WaitForExitAsync(drained.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A process it forked still holds the pipe open; what arrived so far is reported.
            }
        }

        string output;
        lock (_output)
        {
            output = _output.ToString().Trim();
        }

        var log = await layout.ReadLogAsync(cancellationToken);
        return new InvalidOperationException($"Dovecot ({layout.ConfigFile}) {state}.\nOutput: {output}\nLog ({layout.LogFile}):\n{log.Trim()}");
    }
}
