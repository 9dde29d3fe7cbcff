using System.Globalization;
using Capture.Benchmarks.Ocr;
using Capture.Testing.Processes;

namespace Capture.Benchmarks.Soak;

/// <summary>
/// The real <c>capture run</c> program as a child process for the soak: configured through <c>CAPTURE_*</c> variables,
/// its log lines counted by outcome, its resident memory and CPU time readable at any moment from <c>/proc</c>.
/// </summary>
internal sealed class SoakService : IDisposable
{
    private CaptureProgram _program = null!;
    private int _opened;
    private int _quarantined;
    private int _duplicates;
    private int _errors;
    private string? _lastError;

    private SoakService()
    {
    }

    public static SoakService Start(string archive, IReadOnlyDictionary<string, string> environment)
    {
        var service = new SoakService();
        service._program = CaptureProgram.Start(["run", "--archive", archive], environment, service.OnLine);
        return service;
    }

    /// <summary>Items finished so far: new cases, quarantine records and duplicates.</summary>
    public int Finished => Volatile.Read(ref _opened) + Volatile.Read(ref _quarantined) + Volatile.Read(ref _duplicates);

    public int Opened => Volatile.Read(ref _opened);

    public int Quarantined => Volatile.Read(ref _quarantined);

    public int Errors => Volatile.Read(ref _errors);

    public string? LastError => Volatile.Read(ref _lastError);

    public bool HasExited => _program.HasExited;

    public long? ResidentMegabytes => MegabytesOf("VmRSS");

    /// <summary>A memory line of <c>/proc/PID/status</c> (VmRSS, RssAnon, RssFile…) in MB.</summary>
    public long? MegabytesOf(string field) => ProcStatus.ReadKb(_program.Id, field) / 1024;

    /// <summary>utime + stime from <c>/proc/PID/stat</c>, in seconds (USER_HZ is 100).</summary>
    public double? CpuSeconds
    {
        get
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{_program.Id}/stat");
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
    public Task StopAsync(CancellationToken cancellationToken) => _program.StopAsync(cancellationToken);

    public void Dispose() => _program.Dispose();

    private void OnLine(string line)
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
