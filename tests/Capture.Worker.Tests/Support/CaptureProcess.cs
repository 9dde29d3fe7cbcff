using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Capture.Worker.Tests.Support;

/// <summary>
/// Runs the real <c>capture</c> program (built beside the tests) as a child process, as an operator would, reading its
/// <c>--json</c> lines as they come and sampling its peak resident memory (<c>VmHWM</c>).
/// </summary>
internal static class CaptureProcess
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ImportRun> ImportAsync(string archive, IReadOnlyList<string> files, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "capture.dll"), "import", "--json", "--archive", archive, .. files])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CAPTURE_Classifier__ModelPath"] = TestArchive.SharedModelPath;
        start.Environment["CAPTURE_Ocr__PageTimeout"] = "00:00:30";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var stopwatch = Stopwatch.StartNew();
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakMemoryAsync(process.Id, sampling.Token);

        var items = new List<ImportedItem>();
        var longestGap = TimeSpan.Zero;
        var last = TimeSpan.Zero;
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            longestGap = Max(longestGap, stopwatch.Elapsed - last);
            last = stopwatch.Elapsed;
            if (line.StartsWith('{'))
            {
                items.Add(JsonSerializer.Deserialize<ImportedItem>(line, Json) ?? throw new InvalidDataException(line));
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        await sampling.CancelAsync();
        return new ImportRun(process.ExitCode, items, stopwatch.Elapsed, longestGap, await peak, await error);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>VmHWM only grows, so its last reading before exit is the process's peak resident memory.</summary>
    private static async Task<long> SamplePeakMemoryAsync(int processId, CancellationToken cancellationToken)
    {
        long peakKilobytes = 0;
        var status = $"/proc/{processId}/status";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status, CancellationToken.None))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        peakKilobytes = Math.Max(peakKilobytes, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (IOException)
            {
                break;
            }

            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peakKilobytes / 1024;
    }
}

internal sealed record ImportRun(int ExitCode, IReadOnlyList<ImportedItem> Items, TimeSpan Elapsed, TimeSpan LongestGap, long PeakMemoryMegabytes, string Error);

internal sealed record ImportedItem(string Source, string Outcome, string? RegistrationNumber, int Pages, bool Ocr, string? Reason);
