using System.Diagnostics;
using System.Globalization;
using Capture.Benchmarks.Ocr;

namespace Capture.Benchmarks.Soak;

/// <summary>
/// The real <c>capture run</c> program as a child process for the soak: configured through <c>CAPTURE_*</c> variables,
/// its log lines counted by outcome, its resident memory and CPU time readable at any moment from <c>/proc</c>.
/// </summary>
internal sealed class SoakService : IDisposable
{
    private readonly Process _process;
    private readonly Task _reading;
    private int _opened;
    private int _quarantined;
    private int _duplicates;
    private int _errors;
    private string? _lastError;

    private SoakService(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(ReadAsync(process.StandardError), ReadAsync(process.StandardOutput));
    }

    public static SoakService Start(string archive, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "capture.dll"), "run", "--archive", archive])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new SoakService(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."));
    }

    /// <summary>Items finished so far: new cases, quarantine records and duplicates.</summary>
    public int Finished => Volatile.Read(ref _opened) + Volatile.Read(ref _quarantined) + Volatile.Read(ref _duplicates);

    public int Opened => Volatile.Read(ref _opened);

    public int Quarantined => Volatile.Read(ref _quarantined);

    public int Errors => Volatile.Read(ref _errors);

    public string? LastError => Volatile.Read(ref _lastError);

    public bool HasExited => _process.HasExited;

    public long? ResidentMegabytes => ProcStatus.ReadKb(_process.Id, "VmRSS") / 1024;

    /// <summary>utime + stime from <c>/proc/PID/stat</c>, in seconds (USER_HZ is 100).</summary>
    public double? CpuSeconds
    {
        get
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (Exception exception) when (exception is IOException or FormatException or IndexOutOfRangeException)
            {
                return null;
            }
        }
    }

    /// <summary>SIGTERM, as systemd stops a service; waits for the exit and the end of its output.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
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
            if (line.Contains("] Captured C-", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _opened);
            }
            else if (line.Contains("] Quarantined ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _quarantined);
            }
            else if (line.Contains(" was captured before as ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _duplicates);
            }
            else if (line.Contains(" ERR] ", StringComparison.Ordinal) || line.Contains(" FTL] ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _errors);
                Volatile.Write(ref _lastError, line);
            }
        }
    }
}
