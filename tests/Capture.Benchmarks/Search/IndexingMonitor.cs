using System.Diagnostics;
using System.Globalization;
using Archive.Search;

namespace Capture.Benchmarks.Search;

/// <summary>
/// Watches a rebuild from beside it: takes the index's progress reports, samples this process's working set every
/// 200 ms (keeping the largest), and prints a line every 10 seconds with the documents generated and indexed, the
/// rate, and the working set.
/// </summary>
internal sealed class IndexingMonitor : IProgress<IndexRebuildProgress>, IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PrintEvery = TimeSpan.FromSeconds(10);

    private readonly TextWriter output;
    private readonly Func<long> generated;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long indexed;
    private long largestWorkingSet;

    /// <param name="output">Where the progress lines go.</param>
    /// <param name="generated">How many documents the generator has handed out so far.</param>
    public IndexingMonitor(TextWriter output, Func<long> generated)
    {
        this.output = output;
        this.generated = generated;
        sampling = SampleAsync(stop.Token);
    }

    /// <summary>The largest working set sampled, in bytes.</summary>
    public long LargestWorkingSet => Interlocked.Read(ref largestWorkingSet);

    public void Report(IndexRebuildProgress value) => Interlocked.Exchange(ref indexed, value.DocumentsIndexed);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SampleEvery);
        var nextPrint = PrintEvery;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var workingSet = Environment.WorkingSet;
                if (workingSet > Interlocked.Read(ref largestWorkingSet))
                {
                    Interlocked.Exchange(ref largestWorkingSet, workingSet);
                }

                if (clock.Elapsed >= nextPrint)
                {
                    nextPrint += PrintEvery;
                    var done = Interlocked.Read(ref indexed);
                    await output.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {clock.Elapsed.TotalSeconds,6:0} s  generated {generated(),11:N0}  indexed {done,11:N0}  {done / clock.Elapsed.TotalSeconds,8:N0} documents/s  working set {workingSet / 1_048_576,6:N0} MB"));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by DisposeAsync: the rebuild is over.
        }
    }
}
