using System.Diagnostics;
using System.Globalization;

namespace Capture.Testing.Processes;

/// <summary>
/// The real <c>capture</c> program (the <c>capture.dll</c> built beside the tests or benchmarks) as a child process,
/// configured through its environment as an operator would: every line it writes, standard error and output, is
/// handed to a callback as it comes. Shared by the worker tests and the benchmarks (it does not depend on xunit).
/// </summary>
internal sealed class CaptureProgram : IDisposable
{
    private readonly Process _process;
    private readonly Task _reading;

    private CaptureProgram(Process process, Action<string> onLine)
    {
        _process = process;
        _reading = Task.WhenAll(ReadAsync(process.StandardError, onLine), ReadAsync(process.StandardOutput, onLine));
    }

    /// <summary>Starts <c>dotnet capture.dll <paramref name="arguments"/></c>.</summary>
    /// <param name="arguments">The command and its options, such as <c>run --archive DIR</c>.</param>
    /// <param name="environment">Variables set for it (<c>CAPTURE_Mailboxes__0__Host</c>…), over the caller's own.</param>
    /// <param name="onLine">Receives each line it writes, from a reader thread.</param>
    /// <param name="workingDirectory">The folder it starts in, where it reads <c>capture.json</c>; null keeps the caller's.</param>
    public static CaptureProgram Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Action<string> onLine, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "capture.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new CaptureProgram(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."), onLine);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd stops a service, then waits for it to exit and for its output to end.</summary>
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

    private static async Task ReadAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }
}
