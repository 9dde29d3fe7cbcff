using System.Globalization;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;
using Archive.Search.Snippets;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;

namespace Archive.Search;

/// <summary>
/// The full-text index of the archive. It holds only copies of what the store has and can always be
/// rebuilt from it (<see cref="DeleteAll"/>, then <see cref="Upsert"/> everything, then <see cref="Commit"/>).
/// One instance owns the index directory (one <see cref="IndexWriter"/> per directory); all members are thread-safe.
/// Changes become searchable after <see cref="Commit"/> or <see cref="MaybeRefresh"/>.
/// </summary>
public sealed partial class ArchiveIndex : IDisposable
{
    private readonly ILogger<ArchiveIndex> logger;
    private readonly string indexPath;
    private readonly Analyzer analyzer;
    private readonly Analyzer snippetAnalyzer;
    private readonly FSDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly SearchQueryCompiler compiler;

    // Serialises writes so a case re-stamp never interleaves with an upsert of one of its documents.
    private readonly System.Threading.Lock writeLock = new();
    private int disposed;

    /// <summary>Opens the index at <see cref="ArchiveSearchOptions.IndexDirectory"/>, creating it when missing.</summary>
    /// <exception cref="ArgumentException">The options are invalid (empty directory, non-positive RAM buffer).</exception>
    /// <exception cref="InvalidOperationException">Another writer (in this or another process) holds the index directory.</exception>
    /// <exception cref="IOException">The directory cannot be created or read.</exception>
    public ArchiveIndex(ArchiveSearchOptions options, ILogger<ArchiveIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArchiveSearchOptionsValidator.ThrowIfInvalid(options);

        this.logger = logger;
        indexPath = Path.GetFullPath(options.IndexDirectory);
        System.IO.Directory.CreateDirectory(indexPath);

        analyzer = ArchiveAnalyzers.Create();
        snippetAnalyzer = new ArchiveTextAnalyzer(foldDiacritics: true);
        compiler = new SearchQueryCompiler(analyzer);
        directory = FSDirectory.Open(indexPath);
        try
        {
            var config = new IndexWriterConfig(ArchiveTextAnalyzer.Version, analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = options.RamBufferSizeMb,
            };
            writer = OpenWriter(config);
            searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        }
        catch
        {
            writer?.Dispose();
            directory.Dispose();
            snippetAnalyzer.Dispose();
            analyzer.Dispose();
            throw;
        }

        LogOpened(indexPath, DocumentCount);
    }

    /// <summary>Number of searchable documents (as of the last <see cref="Commit"/> or <see cref="MaybeRefresh"/>).</summary>
    public int DocumentCount
    {
        get
        {
            ThrowIfDisposed();
            var searcher = searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    /// <summary>True when a document with this id is searchable (as of the last <see cref="Commit"/> or <see cref="MaybeRefresh"/>).</summary>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public bool Contains(string documentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        ThrowIfDisposed();
        var searcher = searchers.Acquire();
        try
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(new TermQuery(new Term(IndexFields.DocumentId, documentId)), counter);
            return counter.TotalHits > 0;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Adds the document, or replaces the one with the same <see cref="IndexedDocument.DocumentId"/>.</summary>
    /// <exception cref="ArgumentException">The document has no id or no case id.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void Upsert(IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.DocumentId, nameof(document));
        ArgumentException.ThrowIfNullOrWhiteSpace(document.CaseId, nameof(document));
        ThrowIfDisposed();

        var fields = IndexDocumentMapper.ToLucene(document);
        lock (writeLock)
        {
            writer.UpdateDocument(new Term(IndexFields.DocumentId, document.DocumentId), fields);
        }
    }

    /// <summary>
    /// Re-stamps status and category on every document of the case, including ones upserted but not yet
    /// committed. Searchable after the next <see cref="Commit"/>. A case with no documents is a no-op.
    /// </summary>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void UpdateCase(string caseId, string status, string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ThrowIfDisposed();

        lock (writeLock)
        {
            // The near-real-time reader must see this case's uncommitted upserts, or they would be lost.
            searchers.MaybeRefreshBlocking();
            var searcher = searchers.Acquire();
            try
            {
                // Count first: sizing the result queue by MaxDoc would allocate for the whole index on every re-stamp.
                var caseQuery = new TermQuery(new Term(IndexFields.CaseId, caseId));
                var counter = new TotalHitCountCollector();
                searcher.Search(caseQuery, counter);
                var caseDocuments = searcher.Search(caseQuery, Math.Max(1, counter.TotalHits));
                foreach (var scoreDoc in caseDocuments.ScoreDocs)
                {
                    var stored = IndexDocumentMapper.FromStored(searcher.Doc(scoreDoc.Doc));
                    var restamped = stored with { Status = status, Category = category };
                    writer.UpdateDocument(new Term(IndexFields.DocumentId, restamped.DocumentId), IndexDocumentMapper.ToLucene(restamped));
                }

                LogCaseRestamped(caseId, caseDocuments.ScoreDocs.Length, status, category);
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    /// <summary>Makes all changes durable and searchable.</summary>
    /// <exception cref="IOException">The index could not be written.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void Commit()
    {
        ThrowIfDisposed();
        lock (writeLock)
        {
            writer.Commit();
        }

        searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes uncommitted changes searchable without the cost of a durable commit.</summary>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void MaybeRefresh()
    {
        ThrowIfDisposed();
        searchers.MaybeRefreshBlocking();
    }

    /// <summary>Finds matching cases: one hit per case (its best document), best first, paged over cases.</summary>
    /// <exception cref="InvalidSearchQueryException">The query is empty or malformed; the message says what and where.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Limit is outside 1..<see cref="SearchRequest.MaxLimit"/> or Offset is negative.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Limit, SearchRequest.MaxLimit, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.Offset, nameof(request));
        ThrowIfDisposed();

        var query = compiler.Compile(request.Query);
        var matcher = SnippetTermMatcher.From(query);
        var searcher = searchers.Acquire();
        try
        {
            var collector = new CaseCollapsingCollector();
            try
            {
                searcher.Search(query, collector);
            }
            catch (BooleanQuery.TooManyClausesException exception)
            {
                throw SearchQueryCompiler.TooManyClauses(exception);
            }

            var hits = collector.Page(request.Offset, request.Limit)
                .Select(best => ToHit(searcher, best, matcher))
                .ToList();
            return new SearchResults(collector.TotalCases, hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Removes every document, for a rebuild. Searches keep seeing the old content until the next <see cref="Commit"/>.</summary>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public void DeleteAll()
    {
        ThrowIfDisposed();
        lock (writeLock)
        {
            writer.DeleteAll();
        }

        LogCleared(indexPath);
    }

    /// <summary>Commits pending changes and releases the index directory.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            lock (writeLock)
            {
                writer.Commit();
            }
        }
        finally
        {
            searchers.Dispose();
            writer.Dispose();
            directory.Dispose();
            snippetAnalyzer.Dispose();
            analyzer.Dispose();
        }
    }

    private IndexWriter OpenWriter(IndexWriterConfig config)
    {
        try
        {
            return new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException exception)
        {
            throw new SearchIndexUnavailableException(
                $"The search index at {indexPath} is already open for writing by another ArchiveIndex or process; only one may own an index directory. Stop the other Capture process (capture run) or use another archive.",
                exception);
        }
    }

    private CaseHit ToHit(IndexSearcher searcher, CaseCollapsingCollector.CaseBest best, SnippetTermMatcher matcher)
    {
        var stored = searcher.Doc(best.Doc);
        string? Get(string field) => stored.Get(field, CultureInfo.InvariantCulture);
        return new CaseHit(
            RegistrationNumber: Get(IndexFields.RegistrationNumber) ?? string.Empty,
            CaseId: best.CaseId,
            DocumentId: Get(IndexFields.DocumentId) ?? string.Empty,
            Score: best.Score,
            Category: Get(IndexFields.Category) ?? string.Empty,
            Status: Get(IndexFields.Status) ?? string.Empty,
            ContactName: Get(IndexFields.ContactName),
            ContactEmail: Get(IndexFields.Email),
            Subject: Get(IndexFields.Subject),
            Snippet: SnippetBuilder.Build(Get(IndexFields.Text), matcher, snippetAnalyzer, IndexFields.Text));
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened search index at {IndexPath} with {DocumentCount} documents")]
    private partial void LogOpened(string indexPath, int documentCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Re-stamped {DocumentCount} documents of case {CaseId} as {Status}/{Category}")]
    private partial void LogCaseRestamped(string caseId, int documentCount, string status, string category);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared search index at {IndexPath} for a rebuild")]
    private partial void LogCleared(string indexPath);
}
