using Archive.Search.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Search;

/// <summary>Reading the index back for checking it against the store (<see cref="IndexAudit"/>).</summary>
public sealed partial class ArchiveIndex
{
    private static readonly HashSet<string> CaseFields =
    [
        IndexFields.DocumentId, IndexFields.CaseId, IndexFields.RegistrationNumber, IndexFields.RegistrationYear,
        IndexFields.RegistrationSequence, IndexFields.Category, IndexFields.Status, IndexFields.Handler,
        IndexFields.ContactName, IndexFields.Email, IndexFields.WaitingSince, IndexFields.AlertDueAt,
    ];

    private static readonly HashSet<string> IdField = [IndexFields.DocumentId];

    /// <summary>The case details the index holds for a document (as of the last commit or refresh), or null when it is not indexed.</summary>
    /// <param name="documentId">The document's id.</param>
    /// <returns>The case as stamped on the document's index entry, or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="documentId"/> is null or blank.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public IndexedCase? FindIndexedCase(string documentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        return WithSearcher(searcher =>
        {
            var hits = searcher.Search(new TermQuery(new Term(IndexFields.DocumentId, documentId)), 1);
            return hits.TotalHits == 0 ? null : IndexDocumentMapper.CaseFromStored(searcher.Doc(hits.ScoreDocs[0].Doc, CaseFields));
        });
    }

    /// <summary>
    /// Every indexed document id, segment by segment from one point-in-time view of the index (reading only the id
    /// field, so memory does not grow with the index). Changes made while it runs are not seen.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The ids, in index order.</returns>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public IEnumerable<string> EnumerateDocumentIds(CancellationToken cancellationToken)
    {
        IndexGeneration generation;
        while (true)
        {
            ThrowIfDisposed();
            generation = Volatile.Read(ref active);
            if (generation.TryAcquire())
            {
                break;
            }
        }

        var searchers = generation.Searchers!;
        var searcher = searchers.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var live = reader.LiveDocs;
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (live is null || live.Get(doc))
                    {
                        var visitor = new DocumentStoredFieldVisitor(IdField);
                        reader.Document(doc, visitor);
                        yield return visitor.Document.Get(IndexFields.DocumentId, System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }
        }
        finally
        {
            searchers.Release(searcher);
            generation.Release();
        }
    }

    /// <summary>Removes a document's entry (one the store does not have). Searchable as removed after the next commit or refresh.</summary>
    /// <param name="documentId">The document's id.</param>
    /// <exception cref="ArgumentException"><paramref name="documentId"/> is null or blank.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void Delete(string documentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        ThrowIfDisposed();
        changeLock.EnterReadLock();
        try
        {
            active.Writer.DeleteDocuments(new Term(IndexFields.DocumentId, documentId));
            journal?.Enqueue(new IndexChange.Delete(documentId));
        }
        finally
        {
            changeLock.ExitReadLock();
        }
    }
}
