using Archive.Search;
using Capture.Worker.Hosting;
using Capture.Worker.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Pipeline;

/// <summary>
/// In <c>capture run</c>: brings the index up to date with the store at start (rebuilding it in the background when it
/// was built by an older version, while searches keep using it), then commits waiting changes every
/// <see cref="CaptureOptions.IndexCommitInterval"/>, so each is searchable within that time even when no other follows.
/// </summary>
internal sealed partial class IndexCommitService(
    CaseIndexer indexer,
    ArchiveIndex index,
    SearchIndexRebuild rebuild,
    TimeProvider time,
    IOptions<CaptureOptions> options,
    ILogger<IndexCommitService> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>
    /// Starts the commit timer here, before <see cref="ExecuteAsync"/> runs (which .NET 10 runs wholly on a pool
    /// thread): a change made right after start-up is committed within one interval, however late that task gets a thread.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.IndexCommitInterval > TimeSpan.Zero ? options.Value.IndexCommitInterval : TimeSpan.FromMilliseconds(500);
        _timer ??= new PeriodicTimer(interval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("The index commit service was not started.");
        await Task.Yield();
        var rebuilding = index.NeedsRebuild ? RebuildAsync(stoppingToken) : Task.CompletedTask;
        if (!index.NeedsRebuild)
        {
            indexer.CatchUp();
        }

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

        await rebuilding.ConfigureAwait(false);
    }

    private async Task RebuildAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogRebuilding();
            await rebuild.RunAsync(progress: null, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped: the old index stays in use and the rebuild starts over next time.
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogRebuildFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index is from an older version of Capture; rebuilding it in the background while searches keep using it")]
    private partial void LogRebuilding();

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the search index failed; searches keep using the old index. Run `capture reindex` to try again")]
    private partial void LogRebuildFailed(Exception exception);
}
