using Microsoft.Extensions.Logging;
using Quartz;

namespace Capture.Worker.Jobs;

/// <summary>
/// The scheduled retraining (<see cref="RetrainingOptions.Schedule"/>): retrains when people corrected categories since
/// the last run. A failure is logged and the job runs again at its next time; the service goes on with the model in use.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ClassifierRetrainJob(ClassifierRetraining retraining, ILogger<ClassifierRetrainJob> logger) : IJob
{
    public static readonly JobKey Key = new("classifier-retraining", "capture");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await retraining.RunAsync(onlyIfNewCorrections: true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The service is stopping; the next start trains again if corrections are waiting.
        }
        catch (Exception exception)
        {
            LogFailed(exception);
            throw new JobExecutionException("Retraining the category model failed; it is tried again at its next scheduled time.", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retraining the category model failed; the model in use stays and retraining is tried again at its next scheduled time")]
    private partial void LogFailed(Exception exception);
}
