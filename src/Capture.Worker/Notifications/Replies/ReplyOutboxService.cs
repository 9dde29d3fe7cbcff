using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Notifications.Replies;

/// <summary>
/// Runs the reply outbox's rounds in the service (<c>capture run</c>): one at start, which finishes what a crash left,
/// then one every <see cref="ReplyOptions.RetryInterval"/>. A failing store ends the service rather than losing replies quietly.
/// </summary>
internal sealed class ReplyOutboxService(ReplyOutbox outbox, IOptions<ReplyOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await outbox.RunRoundAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.RetryInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
