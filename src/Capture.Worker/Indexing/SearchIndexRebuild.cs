using System.Runtime.CompilerServices;
using Archive.Search;
using Archive.Store;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Indexing;

/// <summary>
/// Rebuilds the search index from the store (<c>capture reindex</c>, and the service when the index is from an older
/// version): streams every document with its case and text, a page at a time, into <see cref="ArchiveIndex.RebuildAsync"/>,
/// which keeps answering searches from the current index until the new one is complete.
/// </summary>
public sealed partial class SearchIndexRebuild(ArchiveIndex index, ArchiveStore store, CaseIndexer indexer, ILogger<SearchIndexRebuild> logger)
{
    private const int PageSize = 500;

    /// <summary>How many documents a rebuild will read (for a progress bar).</summary>
    public int DocumentsToIndex => store.CountDocuments();

    /// <summary>Rebuilds the index; searches keep working meanwhile, and captures made meanwhile are kept.</summary>
    /// <exception cref="InvalidOperationException">A rebuild is already running.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the current index is unchanged.</exception>
    public Task<IndexRebuildResult> RunAsync(IProgress<IndexRebuildProgress>? progress, CancellationToken cancellationToken) =>
        index.RebuildAsync(ReadArchiveAsync(cancellationToken), progress, cancellationToken);

    private async IAsyncEnumerable<IndexedDocument> ReadArchiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? afterId = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = store.ReadDocumentPage(afterId, PageSize);
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var (document, @case) in page)
            {
                if (@case is null)
                {
                    LogOrphan(document.Id, document.CaseId);
                    continue;
                }

                yield return CaseIndexer.Project(@case, document, indexer.ReadText(document));
            }

            afterId = page[^1].Document.Id;
            await Task.Yield();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Document {DocumentId} refers to case {CaseId}, which the store does not have; it is left out of the search index. Check the archive with `capture case show`")]
    private partial void LogOrphan(string documentId, string caseId);
}
