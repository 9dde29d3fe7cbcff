using System.Text;
using Capture.Testing.Processes;

namespace Capture.Worker.Tests.Support;

/// <summary>
/// The real <c>capture run</c> program (built beside the tests) as a child process, configured through
/// <c>CAPTURE_*</c> environment variables as an operator would, with its log kept and its captures counted.
/// </summary>
internal sealed class CaptureService : IDisposable
{
    private readonly StringBuilder _log = new();
    private CaptureProgram _program = null!;
    private int _captures;

    private CaptureService()
    {
    }

    /// <summary>Starts <c>capture run --archive <paramref name="archive"/></c> with the shared category model and the web UI off (unless <c>Web__Enabled</c> is in <paramref name="settings"/>).</summary>
    /// <param name="archive">The archive folder.</param>
    /// <param name="settings">Configuration keys (<c>Mailboxes__0__Host</c>…) without the <c>CAPTURE_</c> prefix.</param>
    /// <param name="environment">Other environment variables, such as the variable holding a mailbox password.</param>
    /// <param name="workingDirectory">The folder it starts in, where it reads <c>capture.json</c>; null keeps the tests' own.</param>
    public static CaptureService Start(string archive, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CAPTURE_Classifier__ModelPath"] = TestArchive.SharedModelPath,
            ["CAPTURE_Web__Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            variables["CAPTURE_" + key] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var service = new CaptureService();
        service._program = CaptureProgram.Start(["run", "--archive", archive], variables, service.OnLine, workingDirectory);
        return service;
    }

    /// <summary>Everything the process wrote so far, standard error and output interleaved.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>How many "Captured C-…" lines (new cases) it has logged.</summary>
    public int Captures => Volatile.Read(ref _captures);

    public bool HasExited => _program.HasExited;

    /// <summary>Waits until it has logged <paramref name="count"/> new cases; fails the test if it exits or takes too long.</summary>
    public async Task<int> WaitForCapturesAsync(int count, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        while (Captures < count)
        {
            Assert.False(_program.HasExited, "capture run exited early:\n" + Log);
            Assert.True(DateTime.UtcNow < deadline, "capture run captured too little in time:\n" + Log);
            await Task.Delay(20, cancellationToken);
        }

        return Captures;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public void Kill() => _program.Kill();

    /// <summary>SIGTERM, as systemd stops a service, then waits for it to exit and for its output to end.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _program.StopAsync(cancellationToken);

    public void Dispose() => _program.Dispose();

    private void OnLine(string line)
    {
        if (line.Contains("Captured C-", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _captures);
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
