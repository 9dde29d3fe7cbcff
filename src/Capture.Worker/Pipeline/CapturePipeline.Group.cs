using Microsoft.Extensions.Logging;

namespace Capture.Worker.Pipeline;

/// <summary>What became of one item filed with others: its result, or the failure that leaves it for a later retry.</summary>
/// <param name="Result">The result, when it was filed (or decided while preparing).</param>
/// <param name="Failure">Why it could not be filed; the item stays unfinished in the ledger.</param>
internal sealed record GroupFiling(CaptureResult? Result, Exception? Failure);

public sealed partial class CapturePipeline
{
    /// <summary>Files several prepared items as one store transaction and indexes them (<see cref="CommitGroupAsync"/>, then <see cref="CommittedGroup.Complete"/>).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing of the group was filed.</exception>
    internal async Task<IReadOnlyList<GroupFiling>> FileGroupAsync(IReadOnlyList<PreparedCapture> group, CancellationToken cancellationToken) =>
        (await CommitGroupAsync(group, cancellationToken).ConfigureAwait(false)).Complete();

    /// <summary>
    /// Files several prepared items, in the order given, as one store transaction (a group commit): a source that reads
    /// in batches pays the disk flushes of one commit instead of one per item. If the group cannot be committed, each
    /// item is committed on its own, so one bad item fails alone and the others are kept. The items are in the store
    /// when this returns; <see cref="CommittedGroup.Complete"/> indexes them, and may run while the next group commits.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing of the group was filed.</exception>
    internal async Task<CommittedGroup> CommitGroupAsync(IReadOnlyList<PreparedCapture> group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var toFile = group.Where(p => p.Result is null).ToList();
        if (toFile.Count > 1 && await TryCommitTogetherAsync(group, toFile, cancellationToken).ConfigureAwait(false) is { } together)
        {
            return together;
        }

        var filings = new CommittedGroup.Entry[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var prepared = group[i];
            if (prepared.Result is not null)
            {
                filings[i] = new CommittedGroup.Entry(prepared, null, null);
                continue;
            }

            try
            {
                filings[i] = new CommittedGroup.Entry(prepared, await FileAloneAsync(prepared, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                filings[i] = new CommittedGroup.Entry(prepared, null, exception);
            }
        }

        return new CommittedGroup(this, filings);
    }

    private async Task<CommittedGroup?> TryCommitTogetherAsync(IReadOnlyList<PreparedCapture> group, List<PreparedCapture> toFile, CancellationToken cancellationToken)
    {
        // Ordered acquisition, so two groups sharing contents cannot wait for each other.
        var locks = new List<IDisposable>();
        try
        {
            foreach (var sha256 in toFile.Select(p => p.Sha256!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                locks.Add(await _contentLock.AcquireAsync(sha256, cancellationToken).ConfigureAwait(false));
            }

            try
            {
                var filings = _store.InOneTransaction(() => group.Select(p => p.Result is null ? FileLocked(p) : null).ToList());
                return new CommittedGroup(this, [.. group.Select((prepared, i) => new CommittedGroup.Entry(prepared, filings[i], null))]);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogGroupRolledBack(exception, toFile.Count);
                return null;
            }
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

    /// <summary>A group in the store, not yet indexed or reported.</summary>
    internal sealed class CommittedGroup
    {
        private readonly CapturePipeline _pipeline;
        private readonly IReadOnlyList<Entry> _entries;

        internal CommittedGroup(CapturePipeline pipeline, IReadOnlyList<Entry> entries)
        {
            _pipeline = pipeline;
            _entries = entries;
        }

        /// <summary>
        /// Indexes what was filed and gives each item's outcome, in the group's order. Groups must be completed in the
        /// order they were committed, so a follow-up's index entry never goes in before its case's earlier one.
        /// </summary>
        public IReadOnlyList<GroupFiling> Complete() =>
            [.. _entries.Select(e => e.Failure is { } failure ? new GroupFiling(null, failure)
                : e.Filing is { } filing ? _pipeline.CompleteContained(filing)
                : new GroupFiling(e.Prepared.Result, null))];

        /// <param name="Prepared">The item.</param>
        /// <param name="Filing">What the store committed for it; null when it was decided while preparing or failed.</param>
        /// <param name="Failure">Why it could not be committed (filed on its own, after its group was rolled back).</param>
        internal sealed record Entry(PreparedCapture Prepared, Filing? Filing, Exception? Failure);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filing {Count} items together failed and was rolled back; they are filed one at a time instead")]
    private partial void LogGroupRolledBack(Exception exception, int count);
}
