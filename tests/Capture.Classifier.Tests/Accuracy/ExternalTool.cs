using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>Runs a command-line tool the accuracy tests compare against or prepare inputs with.</summary>
internal static class ExternalTool
{
    /// <summary>Runs <paramref name="program"/> to completion and returns its standard output (UTF-8).</summary>
    /// <param name="program">The program, looked up on PATH.</param>
    /// <param name="package">The Debian package that provides it, named in the skip reason when it is missing.</param>
    /// <param name="arguments">Arguments, passed without a shell.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="cancellationToken">Kills the process when cancelled.</param>
    public static async Task<string> RunAsync(
        string program,
        string package,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (Win32Exception)
        {
            Assert.Skip($"{program} (Debian package {package}) is not installed.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', startInfo.ArgumentList)} failed ({process.ExitCode}): {await errors}");
            return await output;
        }
    }
}
