using System.Collections.Concurrent;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;

namespace Archive.Search;

/// <summary>
/// The full-text index of the archive. It holds only copies of what the store has and can always be rebuilt from it
/// (<see cref="RebuildAsync"/>, which builds a new generation while searches keep using the current one). One
/// instance owns the index folder; all members are thread-safe. Changes become searchable after
/// <see cref="MaybeRefresh"/> (near-real-time, cheap) or <see cref="Commit"/> (durable).
/// </summary>
public sealed partial class ArchiveIndex : IDisposable
{
    private readonly ArchiveSearchOptions options;
    private readonly TimeProvider time;
    private readonly TimeZoneInfo zone;
    private readonly ILogger<ArchiveIndex> logger;
    private readonly ArchiveAnalyzers analyzers;
    private readonly SearchQueryCompiler compiler;
    private readonly GenerationCatalog catalog;

    // Upserts and commits share it; re-stamping a case, replaying a rebuild's journal and switching generations
    // take it alone, so a case's documents never change under a re-stamp and nothing is written to a replaced generation.
    private readonly ReaderWriterLockSlim changeLock = new(LockRecursionPolicy.NoRecursion);
    private IndexGeneration active;
    private ConcurrentQueue<IndexChange>? journal;
    private int rebuilding;
    private int disposed;

    /// <summary>Opens the index in <see cref="ArchiveSearchOptions.IndexDirectory"/>, creating it when missing.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="SearchIndexUnavailableException">Another writer (in this or another process) holds the index.</exception>
    /// <exception cref="IOException">The folder cannot be created or read.</exception>
    public ArchiveIndex(ArchiveSearchOptions options, TimeProvider time, ILogger<ArchiveIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArchiveSearchOptionsValidator.ThrowIfInvalid(options);

        this.options = options;
        this.time = time;
        this.logger = logger;
        zone = ArchiveSearchOptionsValidator.ResolveTimeZone(options.TimeZone)!;
        catalog = new GenerationCatalog(Path.GetFullPath(options.IndexDirectory));
        System.IO.Directory.CreateDirectory(catalog.Root);
        analyzers = new ArchiveAnalyzers(options, logger);
        compiler = new SearchQueryCompiler(analyzers.PerField, analyzers.FoldedWords, analyzers.IsUnknownWord);
        try
        {
            var current = catalog.Current();
            active = OpenGeneration(current, create: false);
            active.OpenSearchers();
            catalog.DeleteAbandoned(current);
        }
        catch
        {
            analyzers.Dispose();
            changeLock.Dispose();
            throw;
        }

        LogOpened(catalog.Root, active.Entry.Name, DocumentCount);
        if (NeedsRebuild)
        {
            LogSchemaOutdated(active.Entry.Schema, GenerationCatalog.CurrentSchema);
        }
    }

    /// <summary>
    /// True when the current index was built with older fields or analysis than this version uses: searches still
    /// work on it, but not every query feature does until <see cref="RebuildAsync"/> has run.
    /// </summary>
    public bool NeedsRebuild => active.Entry.Schema != GenerationCatalog.CurrentSchema;

    /// <summary>Number of searchable documents (as of the last <see cref="Commit"/> or <see cref="MaybeRefresh"/>).</summary>
    public int DocumentCount => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>True when a document with this id is searchable (as of the last <see cref="Commit"/> or <see cref="MaybeRefresh"/>).</summary>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public bool Contains(string documentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        return WithSearcher(searcher =>
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(new TermQuery(new Term(IndexFields.DocumentId, documentId)), counter);
            return counter.TotalHits > 0;
        });
    }

    /// <summary>Adds the document, or replaces the one with the same <see cref="IndexedDocument.DocumentId"/>.</summary>
    /// <exception cref="ArgumentException">The document has no id or no case id.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void Upsert(IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.DocumentId, nameof(document));
        ArgumentNullException.ThrowIfNull(document.Case, nameof(document));
        ArgumentException.ThrowIfNullOrWhiteSpace(document.Case.CaseId, nameof(document));
        ThrowIfDisposed();

        var fields = IndexDocumentMapper.ToLucene(document);
        changeLock.EnterReadLock();
        try
        {
            active.Writer.UpdateDocument(new Term(IndexFields.DocumentId, document.DocumentId), fields);
            journal?.Enqueue(new IndexChange.Upsert(document));
        }
        finally
        {
            changeLock.ExitReadLock();
        }
    }

    /// <summary>
    /// Re-stamps the case's fields (status, category, handler, contact, clocks) on every document of the case,
    /// including ones upserted but not yet committed. A case with no documents is a no-op.
    /// </summary>
    /// <exception cref="ArgumentException">The case has no id.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void UpdateCase(IndexedCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentException.ThrowIfNullOrWhiteSpace(@case.CaseId, nameof(@case));
        ThrowIfDisposed();

        changeLock.EnterWriteLock();
        try
        {
            // The near-real-time reader must see this case's uncommitted upserts, or they would be lost.
            var searchers = active.Searchers!;
            searchers.MaybeRefreshBlocking();
            var searcher = searchers.Acquire();
            try
            {
                var count = Restamp(active.Writer, searcher, @case);
                LogCaseRestamped(@case.CaseId, count, @case.Status, @case.Category);
            }
            finally
            {
                searchers.Release(searcher);
            }

            journal?.Enqueue(new IndexChange.CaseUpdate(@case));
        }
        finally
        {
            changeLock.ExitWriteLock();
        }
    }

    /// <summary>Makes all changes durable and searchable.</summary>
    /// <exception cref="IOException">The index could not be written.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void Commit()
    {
        ThrowIfDisposed();
        changeLock.EnterReadLock();
        try
        {
            active.Writer.Commit();
        }
        finally
        {
            changeLock.ExitReadLock();
        }

        MaybeRefresh();
    }

    /// <summary>Makes uncommitted changes searchable without the cost of a durable commit (near-real-time).</summary>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void MaybeRefresh() => WithGeneration(generation =>
    {
        generation.Searchers!.MaybeRefreshBlocking();
        return true;
    });

    /// <summary>Commits pending changes and releases the index folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        changeLock.EnterWriteLock();
        try
        {
            active.Writer.Commit();
        }
        finally
        {
            changeLock.ExitWriteLock();
            active.Release();
            analyzers.Dispose();
        }
    }

    /// <summary>Writes the case's fields onto each of its documents as <paramref name="searcher"/> sees them.</summary>
    private static int Restamp(IndexWriter writer, IndexSearcher searcher, IndexedCase @case)
    {
        // Count first: sizing the result queue by MaxDoc would allocate for the whole index on every re-stamp.
        var caseQuery = new TermQuery(new Term(IndexFields.CaseId, @case.CaseId));
        var counter = new TotalHitCountCollector();
        searcher.Search(caseQuery, counter);
        if (counter.TotalHits == 0)
        {
            return 0;
        }

        var documents = searcher.Search(caseQuery, counter.TotalHits);
        foreach (var scoreDoc in documents.ScoreDocs)
        {
            var restamped = IndexDocumentMapper.FromStored(searcher.Doc(scoreDoc.Doc), @case);
            writer.UpdateDocument(new Term(IndexFields.DocumentId, restamped.DocumentId), IndexDocumentMapper.ToLucene(restamped));
        }

        return documents.ScoreDocs.Length;
    }

    private IndexGeneration OpenGeneration(GenerationCatalog.Entry entry, bool create)
    {
        try
        {
            return IndexGeneration.Open(entry, analyzers.PerField, options.RamBufferSizeMb, create);
        }
        catch (LockObtainFailedException exception)
        {
            throw new SearchIndexUnavailableException(
                $"The search index at {catalog.Root} is already open for writing by another ArchiveIndex or process; only one may own an index folder. Stop the other Capture process (capture run) or use another archive.",
                exception);
        }
    }

    /// <summary>Runs <paramref name="action"/> on the current generation, which cannot close while it runs.</summary>
    private T WithGeneration<T>(Func<IndexGeneration, T> action)
    {
        while (true)
        {
            ThrowIfDisposed();
            var generation = Volatile.Read(ref active);
            if (!generation.TryAcquire())
            {
                continue; // replaced a moment ago: take the new one
            }

            try
            {
                return action(generation);
            }
            finally
            {
                generation.Release();
            }
        }
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> action) => WithSearcher((searcher, _) => action(searcher));

    private T WithSearcher<T>(Func<IndexSearcher, IndexGeneration, T> action) => WithGeneration(generation =>
    {
        var searchers = generation.Searchers!;
        var searcher = searchers.Acquire();
        try
        {
            return action(searcher, generation);
        }
        finally
        {
            searchers.Release(searcher);
        }
    });

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened search index at {IndexPath} (generation {Generation}) with {DocumentCount} documents")]
    private partial void LogOpened(string indexPath, string generation, int documentCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index was built with schema {Schema}; this version uses schema {CurrentSchema}. It keeps answering, but run `capture reindex` (the service rebuilds it by itself) for stemming, sorting and the new fields")]
    private partial void LogSchemaOutdated(int schema, int currentSchema);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Re-stamped {DocumentCount} documents of case {CaseId} as {Status}/{Category}")]
    private partial void LogCaseRestamped(string caseId, int documentCount, string status, string category);
}
