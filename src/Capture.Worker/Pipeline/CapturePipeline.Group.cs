using Microsoft.Extensions.Logging;

namespace Capture.Worker.Pipeline;

/// <summary>What became of one item filed with others: its result, or the failure that leaves it for a later retry.</summary>
/// <param name="Result">The result, when it was filed (or decided while preparing).</param>
/// <param name="Failure">Why it could not be filed; the item stays unfinished in the ledger.</param>
internal sealed record GroupFiling(CaptureResult? Result, Exception? Failure);

public sealed partial class CapturePipeline
{
    /// <summary>
    /// Files several prepared items, in the order given, as one store transaction (a group commit): a source that reads
    /// in batches pays the disk flushes of one commit instead of one per item. If the group cannot be committed, each
    /// item is filed on its own, so one bad item fails alone and the others are kept.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing of the group was filed.</exception>
    internal async Task<IReadOnlyList<GroupFiling>> FileGroupAsync(IReadOnlyList<PreparedCapture> group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var toFile = group.Where(p => p.Result is null).ToList();
        if (toFile.Count > 1 && await TryFileTogetherAsync(group, toFile, cancellationToken).ConfigureAwait(false) is { } together)
        {
            return together;
        }

        var filed = new List<GroupFiling>(group.Count);
        foreach (var prepared in group)
        {
            try
            {
                filed.Add(new GroupFiling(await FileAsync(prepared, cancellationToken).ConfigureAwait(false), null));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                filed.Add(new GroupFiling(null, exception));
            }
        }

        return filed;
    }

    private async Task<IReadOnlyList<GroupFiling>?> TryFileTogetherAsync(IReadOnlyList<PreparedCapture> group, List<PreparedCapture> toFile, CancellationToken cancellationToken)
    {
        // Ordered acquisition, so two groups sharing contents cannot wait for each other.
        var locks = new List<IDisposable>();
        try
        {
            foreach (var sha256 in toFile.Select(p => p.Sha256!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                locks.Add(await _contentLock.AcquireAsync(sha256, cancellationToken).ConfigureAwait(false));
            }

            List<Filing?> filings;
            try
            {
                filings = _store.InOneTransaction(() => group.Select(p => p.Result is null ? FileLocked(p) : null).ToList());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogGroupRolledBack(exception, toFile.Count);
                return null;
            }

            return [.. group.Select((prepared, i) => filings[i] is { } filing ? CompleteContained(filing) : new GroupFiling(prepared.Result, null))];
        }
        finally
        {
            foreach (var held in locks)
            {
                held.Dispose();
            }
        }
    }

    /// <summary>The item is committed; if indexing fails, the next capture's catch-up indexes it and a retry finds it finished.</summary>
    private GroupFiling CompleteContained(Filing filing)
    {
        try
        {
            return new GroupFiling(Complete(filing), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new GroupFiling(null, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filing {Count} items together failed and was rolled back; they are filed one at a time instead")]
    private partial void LogGroupRolledBack(Exception exception, int count);
}
