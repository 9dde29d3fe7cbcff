namespace Capture.Worker.Sources;

/// <summary>
/// How the service retries an item whose capture failed for a reason other than its content (the archive or the index
/// failing, the process dying while it worked): configuration section <c>Capture:Retry</c>, for drop folders and
/// mailboxes alike. Bad input is not retried: it is quarantined at once with its reason.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Attempts an item gets, crashes included, before it is quarantined.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Returns the problems with these settings, each naming the key and the fix.</summary>
    public IEnumerable<string> Validate(string key)
    {
        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"{key}:MaxAttempts must be between 1 and 100, not {MaxAttempts}.";
        }

        if (FirstDelay < TimeSpan.Zero || FirstDelay > TimeSpan.FromHours(1))
        {
            yield return $"{key}:FirstDelay must be between 00:00:00 and 01:00:00 (a time span such as 00:00:10), not {FirstDelay}.";
        }

        if (MaxDelay < FirstDelay || MaxDelay > TimeSpan.FromDays(1))
        {
            yield return $"{key}:MaxDelay must be between FirstDelay ({FirstDelay}) and 1.00:00:00, not {MaxDelay}.";
        }
    }
}
