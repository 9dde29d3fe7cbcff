using Quartz;

namespace Capture.Worker.Jobs;

/// <summary>When the service retrains the category model from people's corrections (configuration section <c>Retraining</c>).</summary>
public sealed class RetrainingOptions
{
    public const string SectionName = "Retraining";

    /// <summary>Whether <c>capture run</c> retrains on a schedule. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A Quartz cron expression, in the machine's time zone. Default <c>0 30 2 * * ?</c> (02:30 every day).</summary>
    public string Schedule { get; set; } = "0 30 2 * * ?";

    /// <summary>The problems with these settings, each naming the key and the fix.</summary>
    public IReadOnlyList<string> Problems() => Enabled && ScheduleProblem() is { } problem
        ? [$"{SectionName}:{nameof(Schedule)} '{Schedule}' is not a Quartz cron expression ({problem}); give seconds, minutes, hours, day of month, month and day of week, e.g. \"0 30 2 * * ?\" for 02:30 every day."]
        : [];

    private string? ScheduleProblem()
    {
        try
        {
            _ = new CronExpression(Schedule);
            return null;
        }
        catch (FormatException exception)
        {
            return exception.Message;
        }
    }
}
