using Capture.Worker.Notifications.Alerts;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Capture.Worker.Jobs;

/// <summary>
/// Runs an alert round every <see cref="AlertOptions.Interval"/>. Nothing is held in the trigger: each round computes
/// what is due from the archive, so a restart (or a missed run) catches up by itself. A failure is logged and the next
/// run tries again.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AlertRoundJob(AlertRound round, ILogger<AlertRoundJob> logger) : IJob
{
    public static readonly JobKey Key = new("alerts", "capture");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await round.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The service is stopping; claimed alerts are sent by the next start.
        }
        catch (Exception exception)
        {
            LogFailed(exception);
            throw new JobExecutionException("An alert round failed; the next round tries again.", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An alert round failed; the next round tries again")]
    private partial void LogFailed(Exception exception);
}
