using Capture.Testing;
using Capture.Worker.Cli;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Cli;

/// <summary>Runs the <c>capture</c> command line in-process, exactly as the program does, against an archive in a temporary directory.</summary>
internal sealed class CliSession : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <summary>The archive directory every command is pointed at.</summary>
    public string Archive => _directory.Combine("archive");

    /// <summary>A path inside the session's temporary directory.</summary>
    public string Combine(string name) => _directory.Combine(name);

    /// <summary>Runs one command with extra configuration settings; returns its exit code, standard output and standard error.</summary>
    public async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, params (string Key, string Value)[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] all = [.. args, "--archive", Archive];
        var configuration = new Dictionary<string, string?> { ["Classifier:ModelPath"] = TestArchive.SharedModelPath };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var exit = await CaptureCommandLine.InvokeAsync(all, output, error, configuration, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes a Polish complaint about a leaking kettle, naming <paramref name="order"/>, and returns its path.</summary>
    public async Task<string> WriteLetterAsync(string name, string order = "ZAM/2026/09901")
    {
        var path = _directory.Combine(name);
        await File.WriteAllTextAsync(
            path,
            "Imię i nazwisko: Jan Kowalski\nE-mail: jan.kowalski@example.pl\n\n" +
            $"Szanowni Państwo, czajnik zamówiony 2 listopada 2026 (nr zamówienia {order}) przyszedł uszkodzony " +
            "i przecieka. Jestem bardzo niezadowolony i proszę o wymianę albo zwrot pieniędzy.\n\nZ poważaniem\nJan Kowalski",
            TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>The non-empty lines of a command's output.</summary>
    public static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public void Dispose() => _directory.Dispose();
}
