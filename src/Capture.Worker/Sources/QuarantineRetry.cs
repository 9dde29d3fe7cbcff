using Archive.Store;
using Archive.Store.Quarantine;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Sources;

/// <summary>
/// Puts a quarantined item's kept bytes back through the same <see cref="CapturePipeline"/> as every source, under the
/// ledger key it was first claimed with, so the exactly-once rules hold: a retry that succeeds opens (or joins) one case
/// and marks the record resolved with its registration number; one that fails again leaves the record quarantined with
/// the new reason. Records and kept files are never deleted.
/// </summary>
public sealed partial class QuarantineRetry(CapturePipeline pipeline, ArchiveStore store, ILogger<QuarantineRetry> logger)
{
    /// <summary>Retries a record a person chose (<c>capture quarantine retry ID</c>).</summary>
    /// <exception cref="QuarantineRetryRefusedException">It is resolved already, or its bytes were not kept.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the record stays as it was.</exception>
    public async Task<CaptureResult> RetryAsync(QuarantineRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ResolvedAs is { } resolvedAs)
        {
            throw new QuarantineRetryRefusedException($"Quarantine record {record.Id} was resolved already: it is in case {resolvedAs}.");
        }

        if (record.QuarantinedPath is not { } kept)
        {
            throw new QuarantineRetryRefusedException(
                $"The bytes of quarantine record {record.Id} ({record.OriginalFileName}) were not kept, so there is nothing to retry: {record.Reason} Capture it from where it came from ({record.SourceName}).");
        }

        if (!File.Exists(kept))
        {
            throw new QuarantineRetryRefusedException(
                $"The kept copy of quarantine record {record.Id} is missing: {kept} does not exist. Put the file back there (or capture it with capture import).");
        }

        var item = new CaptureItem(kept, record.OriginalFileName, record.SourceName, record.SourceKey ?? $"quarantine:{record.Id}")
        {
            QuarantinePath = kept,
            Origin = kept,
            RetryOf = record.Id,
        };
        try
        {
            return await CaptureAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The retry's failure is the record's new reason: the person sees why, and the item stays set aside.
            var reason = $"Retried and failed again ({CaptureRetryPolicy.Describe(exception)}). Fix the cause, then retry it again.";
            var result = pipeline.Refuse(item, reason, record.Attempts);
            await QuarantineFiles.WriteReasonAsync(kept, reason, cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>
    /// Captures <paramref name="item"/>, which retries the record <see cref="CaptureItem.RetryOf"/>, and resolves that
    /// record when the item is now in a case. Failures other than bad input propagate, as from the pipeline.
    /// </summary>
    public async Task<CaptureResult> CaptureAsync(CaptureItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = await pipeline.CaptureAsync(item, cancellationToken).ConfigureAwait(false);
        if (item.RetryOf is not { } id)
        {
            return result;
        }

        if (result.Outcome != CaptureOutcome.Quarantined && result.RegistrationNumber is { } registrationNumber)
        {
            store.ResolveQuarantine(id, registrationNumber);
            LogResolved(id, item.OriginalFileName, registrationNumber);
        }
        else if (item.QuarantinePath is { } kept && File.Exists(kept))
        {
            await QuarantineFiles.WriteReasonAsync(kept, result.Reason ?? "No reason was given.", cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quarantine record {QuarantineId} ({FileName}) was captured on retry as {RegistrationNumber}")]
    private partial void LogResolved(string quarantineId, string fileName, string registrationNumber);
}
