using Capture.Benchmarks.Ocr;

namespace Capture.Benchmarks.Mail;

/// <summary>Samples a child process's VmHWM (which only grows) until told to stop; the last reading is its peak.</summary>
internal static class PeakMemory
{
    public static async Task<long> SampleAsync(int processId, CancellationToken stop)
    {
        long peakKb = 0;
        while (!stop.IsCancellationRequested && ProcStatus.ReadKb(processId, "VmHWM") is { } kb)
        {
            peakKb = Math.Max(peakKb, kb);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peakKb / 1024;
    }
}
