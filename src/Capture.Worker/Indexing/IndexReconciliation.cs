using Archive.Search;
using Archive.Store;
using Capture.Worker.Operations;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Indexing;

/// <summary>
/// Makes the search index agree with the store entry by entry, without a rebuild: indexes what it lacks, re-stamps
/// entries whose case changed, removes entries the store does not have. A restored backup needs it, because its index
/// was copied a moment after its database while captures went on.
/// </summary>
public sealed partial class IndexReconciliation(ArchiveIndex index, ArchiveStore store, CaseIndexer indexer, ArchiveVerification verification, ILogger<IndexReconciliation> logger)
{
    /// <summary>Repairs every disagreement and commits the index.</summary>
    /// <returns>How many entries were added, re-stamped and removed.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; what was repaired so far is committed with the next commit.</exception>
    public (int Added, int Restamped, int Removed) Run(CancellationToken cancellationToken)
    {
        // Collected first: the comparison reads the index, which must not change under it.
        var discrepancies = IndexAudit.Compare(index, verification.StoreDocuments(cancellationToken), store.FindExistingDocumentIds, cancellationToken).ToList();
        int added = 0, restamped = 0, removed = 0;
        var restampedCases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var discrepancy in discrepancies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (discrepancy.Kind)
            {
                case IndexDiscrepancyKind.Unknown:
                    index.Delete(discrepancy.DocumentId);
                    removed++;
                    break;
                case IndexDiscrepancyKind.Missing when store.FindDocument(discrepancy.DocumentId) is { } document && store.FindCaseById(document.CaseId) is { } missingCase:
                    index.Upsert(CaseIndexer.Project(missingCase, document, indexer.ReadText(document)));
                    added++;
                    break;
                case IndexDiscrepancyKind.Stale when store.FindDocument(discrepancy.DocumentId) is { } document && store.FindCaseById(document.CaseId) is { } staleCase:
                    if (restampedCases.Add(staleCase.Id))
                    {
                        index.UpdateCase(CaseIndexer.ProjectCase(staleCase));
                    }

                    restamped++;
                    break;
            }
        }

        index.Commit();
        LogReconciled(added, restamped, removed);
        return (added, restamped, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index reconciled with the archive: {Added} entries added, {Restamped} re-stamped, {Removed} removed")]
    private partial void LogReconciled(int added, int restamped, int removed);
}
