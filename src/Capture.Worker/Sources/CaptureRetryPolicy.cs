using System.Globalization;
using Archive.Store;
using Archive.Store.Intake;
using Capture.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Sources;

/// <summary>
/// The one retry policy of the sources that run unattended (drop folders, mailboxes): attempts are counted in the intake
/// ledger when an item is claimed, so an attempt the process did not survive counts too; a failed attempt records why
/// and when the item may be tried again (a delay doubling from <see cref="RetryOptions.FirstDelay"/> up to
/// <see cref="RetryOptions.MaxDelay"/>); an item out of attempts is quarantined with a reason that says what happened.
/// </summary>
public sealed class CaptureRetryPolicy(IOptions<CaptureOptions> options, ArchiveStore store, TimeProvider time)
{
    private RetryOptions Settings => options.Value.Retry;

    /// <summary>The attempts an item gets: the source's own limit when it has one, otherwise <c>Capture:Retry:MaxAttempts</c>.</summary>
    public int MaxAttempts(int? sourceLimit = null) => sourceLimit ?? Settings.MaxAttempts;

    /// <summary>True when an earlier attempt failed and the item's wait has not yet passed.</summary>
    public bool IsWaiting(IntakeClaim? claim) =>
        claim is { State: IntakeState.Claimed, NotBefore: { } notBefore } && notBefore > time.GetUtcNow();

    /// <summary>True when an unfinished item has used all its attempts and must be quarantined instead of tried again.</summary>
    public static bool IsExhausted(IntakeClaim? claim, int maxAttempts) =>
        claim is { State: IntakeState.Claimed } && claim.Attempts >= maxAttempts;

    /// <summary>The wait after <paramref name="failedAttempts"/> failed attempts: the first delay, doubled for each one after the first, up to the ceiling.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = Settings.FirstDelay * Math.Pow(2, exponent);
        return delay < Settings.MaxDelay ? delay : Settings.MaxDelay;
    }

    /// <summary>
    /// Records a failed attempt in the ledger with the time the item may be tried again; one that used the last attempt
    /// may be quarantined at once. Returns the ledger entry and the wait.
    /// </summary>
    public (IntakeClaim Claim, TimeSpan Delay) RecordFailure(string sourceKey, string sourceName, Exception failure, int maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var attempts = Math.Max(store.FindClaim(sourceKey)?.Attempts ?? 1, 1);
        var delay = attempts >= maxAttempts ? TimeSpan.Zero : DelayAfter(attempts);
        var claim = store.RecordFailedAttempt(sourceKey, sourceName, Describe(failure), time.GetUtcNow() + delay);
        return (claim, delay);
    }

    /// <summary>Why an item out of attempts was set aside, in words a person can act on.</summary>
    public static string GiveUpReason(IntakeClaim claim, string what, int maxAttempts)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var unfinished = claim.Attempts - claim.Failures;
        var failures = claim.Failures == 0
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" {claim.Failures} failed with an error, the last one: {claim.LastFailure}.");
        var crashes = unfinished <= 0
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" {unfinished} ended unfinished because the service stopped or died while working on it (a crash it may cause).");
        return string.Create(CultureInfo.InvariantCulture,
            $"Capturing this {what} was attempted {claim.Attempts} times (the limit is {maxAttempts}) and never finished.{failures}{crashes} It was set aside so the others can go on; the original is kept here. Fix the cause, then run: capture quarantine retry ID (the ID from capture quarantine list).");
    }

    /// <summary>An exception as a person reads it: its type and message, never a stack trace.</summary>
    public static string Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return $"{failure.GetType().Name}: {failure.Message}";
    }
}
