using Capture.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Pipeline;

/// <summary>
/// In <c>capture run</c>: brings the index up to date with the store at start, then commits waiting captures every
/// <see cref="CaptureOptions.IndexCommitInterval"/>, so each is searchable within that time even when no other follows.
/// </summary>
internal sealed class IndexCommitService(CaseIndexer indexer, TimeProvider time, IOptions<CaptureOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        indexer.CatchUp();
        var interval = options.Value.IndexCommitInterval > TimeSpan.Zero ? options.Value.IndexCommitInterval : TimeSpan.FromMilliseconds(500);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                indexer.Flush();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The index commits what is left when it is disposed with the host.
        }
    }
}
