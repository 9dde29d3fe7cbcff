using System.Diagnostics;
using System.Globalization;

namespace Capture.Benchmarks.Ocr;

/// <summary>What one <c>tesseract</c> process produced and cost.</summary>
/// <param name="Text">The recognised text (its standard output).</param>
/// <param name="PeakRssKb">The process's peak resident set (maximum RSS) in KiB.</param>
/// <param name="CpuSeconds">User plus system CPU time of the process.</param>
internal sealed record CliPageResult(string Text, long PeakRssKb, double CpuSeconds);

/// <summary>
/// Runs the <c>tesseract</c> command line on one page as a script would (<c>tesseract page stdout -l …</c>) with
/// <c>OMP_THREAD_LIMIT=1</c>. Peak memory and CPU time come from GNU time (<c>/usr/bin/time</c>, Debian package
/// <c>time</c>) when it is installed; otherwise the process's VmHWM is sampled from <c>/proc/&lt;pid&gt;/status</c>.
/// </summary>
internal sealed class TesseractCli(string languages)
{
    private const string GnuTime = "/usr/bin/time";

    public static bool HasGnuTime { get; } = File.Exists(GnuTime);

    public string Languages { get; } = languages;

    /// <summary>The version line of the installed tesseract, e.g. "tesseract 5.3.0".</summary>
    /// <exception cref="InvalidOperationException">tesseract is not installed.</exception>
    public static async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("tesseract") { ArgumentList = { "--version" }, RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("tesseract could not be started.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var text = (await output) + (await errors);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "tesseract";
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("tesseract was not found; install the Debian packages tesseract-ocr, tesseract-ocr-pol, tesseract-ocr-hun.", exception);
        }
    }

    /// <exception cref="InvalidOperationException">tesseract failed on the page.</exception>
    public async Task<CliPageResult> RecognizeAsync(BenchPage page, string scratchDirectory, CancellationToken cancellationToken)
    {
        var timeFile = Path.Combine(scratchDirectory, string.Create(CultureInfo.InvariantCulture, $"time-{page.Number:000}-{Guid.NewGuid():N}.txt"));
        var startInfo = new ProcessStartInfo(HasGnuTime ? GnuTime : "tesseract")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = scratchDirectory,
        };
        if (HasGnuTime)
        {
            foreach (var argument in new[] { "-f", "%M %U %S", "-o", timeFile, "tesseract" })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in new[] { page.Path, "stdout", "-l", Languages })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("tesseract could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        long sampledPeakKb = 0;
        double sampledCpuSeconds = 0;
        if (!HasGnuTime)
        {
            // Without GNU time the figures are sampled while the process lives (a lower bound of the true peak).
            while (!process.HasExited)
            {
                sampledPeakKb = Math.Max(sampledPeakKb, ProcStatus.ReadKb(process.Id, "VmHWM") ?? 0);
                try
                {
                    sampledCpuSeconds = process.TotalProcessorTime.TotalSeconds;
                }
                catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // The process ended between the checks.
                }

                await Task.Delay(20, cancellationToken);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        var text = await output;
        var errorText = await errors;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tesseract failed on {page.FileName} (exit code {process.ExitCode}): {errorText.Trim()}");
        }

        if (!HasGnuTime)
        {
            return new CliPageResult(text, sampledPeakKb, sampledCpuSeconds);
        }

        var fields = (await File.ReadAllTextAsync(timeFile, cancellationToken))
            .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        File.Delete(timeFile);
        return new CliPageResult(
            text,
            long.Parse(fields[^3], CultureInfo.InvariantCulture),
            double.Parse(fields[^2], CultureInfo.InvariantCulture) + double.Parse(fields[^1], CultureInfo.InvariantCulture));
    }
}

/// <summary>Reads the kernel's per-process memory figures (<c>/proc/&lt;pid&gt;/status</c>).</summary>
internal static class ProcStatus
{
    /// <summary>A "kB" line of /proc/&lt;pid&gt;/status (VmHWM, VmRSS …), or null when it cannot be read.</summary>
    public static long? ReadKb(int processId, string field) => ReadKb(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/status"), field);

    public static long? ReadSelfKb(string field) => ReadKb("/proc/self/status", field);

    /// <summary>
    /// Resets this process's peak resident set (VmHWM) to its current RSS, so that the next peak belongs to the next
    /// run only (Linux: <c>echo 5 &gt; /proc/self/clear_refs</c>). Returns false where that is not possible.
    /// </summary>
    public static bool TryResetSelfPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? ReadKb(string path, string field)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var value = line[(field.Length + 1)..].Trim();
                    var space = value.IndexOf(' ', StringComparison.Ordinal);
                    return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        return null;
    }
}
