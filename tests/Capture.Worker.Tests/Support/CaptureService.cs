using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Capture.Worker.Tests.Support;

/// <summary>
/// The real <c>capture run</c> program (built beside the tests) as a child process, configured through
/// <c>CAPTURE_*</c> environment variables as an operator would, with its log kept and its captures counted.
/// </summary>
internal sealed class CaptureService : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Task _reading;
    private int _captures;

    private CaptureService(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(ReadAsync(process.StandardError), ReadAsync(process.StandardOutput));
    }

    /// <summary>Starts <c>capture run --archive <paramref name="archive"/></c> with the shared category model and the web UI off (unless <c>Web__Enabled</c> is in <paramref name="settings"/>).</summary>
    /// <param name="archive">The archive folder.</param>
    /// <param name="settings">Configuration keys (<c>Mailboxes__0__Host</c>…) without the <c>CAPTURE_</c> prefix.</param>
    /// <param name="environment">Other environment variables, such as the variable holding a mailbox password.</param>
    /// <param name="workingDirectory">The folder it starts in, where it reads <c>capture.json</c>; null keeps the tests' own.</param>
    public static CaptureService Start(string archive, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "capture.dll"), "run", "--archive", archive])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CAPTURE_Classifier__ModelPath"] = TestArchive.SharedModelPath;
        start.Environment["CAPTURE_Web__Enabled"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment["CAPTURE_" + key] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new CaptureService(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."));
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

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until it has logged <paramref name="count"/> new cases; fails the test if it exits or takes too long.</summary>
    public async Task<int> WaitForCapturesAsync(int count, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        while (Captures < count)
        {
            Assert.False(_process.HasExited, "capture run exited early:\n" + Log);
            Assert.True(DateTime.UtcNow < deadline, "capture run captured too little in time:\n" + Log);
            await Task.Delay(20, cancellationToken);
        }

        return Captures;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd stops a service, then waits for it to exit and for its output to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await terminate.WaitForExitAsync(cancellationToken);
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
}
