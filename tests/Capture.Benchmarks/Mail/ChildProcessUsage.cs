using System.Globalization;
using Capture.Benchmarks.Ocr;

namespace Capture.Benchmarks.Mail;

/// <summary>
/// Samples a child process until told to stop: its VmHWM (which only grows, so the last reading is its peak) and the
/// CPU time it has used (user + system). CPU time per item does not depend on how busy the shared machine is, unlike
/// wall-clock rates.
/// </summary>
internal static class ChildProcessUsage
{
    public static async Task<Usage> SampleAsync(int processId, CancellationToken stop)
    {
        long peakKb = 0;
        var cpu = TimeSpan.Zero;
        while (!stop.IsCancellationRequested && ProcStatus.ReadKb(processId, "VmHWM") is { } kb)
        {
            peakKb = Math.Max(peakKb, kb);
            cpu = ReadCpuTime(processId) ?? cpu;
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return new Usage(peakKb / 1024, cpu);
    }

    /// <summary>utime + stime from <c>/proc/PID/stat</c> (fields 14 and 15, after the command name in parentheses).</summary>
    private static TimeSpan? ReadCpuTime(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
        }
        catch (Exception exception) when (exception is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    // USER_HZ is 100 on every Linux architecture .NET runs on.
    private const int ClockTicksPerSecond = 100;

    public sealed record Usage(long PeakMegabytes, TimeSpan CpuTime);
}
