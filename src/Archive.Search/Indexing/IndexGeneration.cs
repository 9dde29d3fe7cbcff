using Archive.Search.Querying;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Archive.Search.Indexing;

/// <summary>
/// One complete index in its own folder: its writer and its near-real-time searchers. A rebuild writes a new
/// generation while searches keep using the current one; searches hold a reference, so the generation that is
/// replaced closes (and its folder is deleted) only when the last search on it is done.
/// </summary>
internal sealed class IndexGeneration
{
    private readonly FSDirectory directory;
    private int references = 1;
    private bool deleteWhenClosed;

    private IndexGeneration(GenerationCatalog.Entry entry, FSDirectory directory, IndexWriter writer, SnapshotDeletionPolicy snapshots)
    {
        Entry = entry;
        this.directory = directory;
        Writer = writer;
        Snapshots = snapshots;
    }

    /// <summary>Keeps a commit's files from deletion while a backup copies them, however many commits follow meanwhile.</summary>
    public SnapshotDeletionPolicy Snapshots { get; }

    public GenerationCatalog.Entry Entry { get; }

    public IndexWriter Writer { get; }

    /// <summary>The numbering of this generation's cases, kept across refreshes (see <see cref="CaseOrdinals"/>).</summary>
    public CaseOrdinals CaseOrdinals { get; } = new();

    /// <summary>The near-real-time searchers; null until <see cref="OpenSearchers"/> (a rebuild only writes).</summary>
    public SearcherManager? Searchers { get; private set; }

    /// <exception cref="LockObtainFailedException">Another writer holds the folder.</exception>
    public static IndexGeneration Open(GenerationCatalog.Entry entry, Analyzer analyzer, double ramBufferSizeMb, bool create)
    {
        System.IO.Directory.CreateDirectory(entry.Path);
        // Positional reads, with a chunk-sized buffer for stored fields (see ArchiveDirectory).
        var directory = new ArchiveDirectory(entry.Path);
        try
        {
            var snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
            var config = new IndexWriterConfig(Analysis.FoldedTextAnalyzer.Version, analyzer)
            {
                OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = ramBufferSizeMb,
                IndexDeletionPolicy = snapshots,
            };
            return new IndexGeneration(entry, directory, new IndexWriter(directory, config), snapshots);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void OpenSearchers() => Searchers ??= new SearcherManager(Writer, applyAllDeletes: true, searcherFactory: null);

    /// <summary>Takes a reference for a search; false when the generation has already closed (it was just replaced).</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Drops a reference; the last one closes the generation.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref references) == 0)
        {
            Close();
        }
    }

    /// <summary>Marks the folder for deletion once the generation closes (it has been replaced or abandoned).</summary>
    public void Retire() => Volatile.Write(ref deleteWhenClosed, true);

    private void Close()
    {
        try
        {
            Searchers?.Dispose();
            if (Volatile.Read(ref deleteWhenClosed))
            {
                Writer.Rollback();
            }
            else
            {
                Writer.Dispose();
            }
        }
        finally
        {
            directory.Dispose();
            if (Volatile.Read(ref deleteWhenClosed))
            {
                GenerationCatalog.Delete(Entry);
            }
        }
    }
}
