using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Archive.Search.Indexing;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace Archive.Search;

public sealed partial class ArchiveIndex
{
    private const int ProgressEvery = 1000;

    /// <summary>
    /// Builds a new generation of the index from <paramref name="documents"/> (normally every document of the store)
    /// while searches keep using the current one, then switches to it at once. Changes made meanwhile through
    /// <see cref="Upsert"/> and <see cref="UpdateCase"/> go to the current generation and are replayed onto the new one
    /// before the switch, so nothing is lost. Memory stays within the writer's RAM buffer and the stem caches however
    /// many documents there are: the source is read as a stream. When the rebuild fails or is cancelled, the current
    /// generation stays and the new one is deleted.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another rebuild of this index is running.</exception>
    /// <exception cref="OperationCanceledException">The rebuild was cancelled; the current index is unchanged.</exception>
    public async Task<IndexRebuildResult> RebuildAsync(
        IAsyncEnumerable<IndexedDocument> documents,
        IProgress<IndexRebuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ThrowIfDisposed();
        if (Interlocked.CompareExchange(ref rebuilding, 1, 0) != 0)
        {
            throw new InvalidOperationException("A rebuild of this search index is already running; wait for it to finish.");
        }

        var started = time.GetTimestamp();
        IndexGeneration? fresh = null;
        try
        {
            var entry = catalog.Next();
            fresh = OpenGeneration(entry, create: true);
            var changes = new ConcurrentQueue<IndexChange>();
            SetJournal(changes);
            LogRebuildStarted(entry.Name, catalog.Root);

            var indexed = await FeedAsync(fresh.Writer, documents, progress, cancellationToken).ConfigureAwait(false);
            var replayed = SwitchTo(fresh, changes);
            fresh = null;

            var result = new IndexRebuildResult(indexed, replayed, time.GetElapsedTime(started), DirectorySize(entry.Path));
            LogRebuildFinished(entry.Name, indexed, replayed, result.Elapsed.TotalSeconds, result.IndexBytes);
            return result;
        }
        finally
        {
            SetJournal(null);
            if (fresh is not null)
            {
                fresh.Retire();
                fresh.Release();
            }

            Volatile.Write(ref rebuilding, 0);
        }
    }

    private void SetJournal(ConcurrentQueue<IndexChange>? changes)
    {
        changeLock.EnterWriteLock();
        try
        {
            journal = changes;
        }
        finally
        {
            changeLock.ExitWriteLock();
        }
    }

    /// <summary>Analyses documents on several threads (Lucene's writer indexes concurrently) from a bounded queue.</summary>
    private async Task<long> FeedAsync(IndexWriter writer, IAsyncEnumerable<IndexedDocument> documents, IProgress<IndexRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<IndexedDocument>(new BoundedChannelOptions(512) { SingleWriter = true });
        long indexed = 0;
        var threads = options.RebuildThreads > 0 ? options.RebuildThreads : Environment.ProcessorCount;
        var consumers = Enumerable.Range(0, threads).Select(_ => Task.Run(
            async () =>
            {
                try
                {
                    while (await queue.Reader.WaitToReadAsync(failure.Token).ConfigureAwait(false))
                    {
                        while (queue.Reader.TryRead(out var document))
                        {
                            writer.AddDocument(IndexDocumentMapper.ToLucene(document));
                            var count = Interlocked.Increment(ref indexed);
                            if (count % ProgressEvery == 0)
                            {
                                progress?.Report(new IndexRebuildProgress(count));
                            }
                        }
                    }
                }
                catch
                {
                    await failure.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            failure.Token)).ToList();

        Exception? sourceFailure = null;
        try
        {
            await foreach (var document in documents.WithCancellation(failure.Token).ConfigureAwait(false))
            {
                await queue.Writer.WriteAsync(document, failure.Token).ConfigureAwait(false);
            }

            queue.Writer.Complete();
        }
        catch (Exception exception)
        {
            sourceFailure = exception;
            queue.Writer.TryComplete(exception);
            await failure.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(consumers).ConfigureAwait(false);
        }
        catch (Exception) when (sourceFailure is not null and not OperationCanceledException)
        {
            // The consumers only stopped because the source failed; its exception is the one to report.
        }

        if (sourceFailure is not null)
        {
            ExceptionDispatchInfo.Throw(sourceFailure);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new IndexRebuildProgress(indexed));
        return indexed;
    }

    /// <summary>Replays the live changes onto the new generation, commits it, makes it current and retires the old one.</summary>
    private int SwitchTo(IndexGeneration fresh, ConcurrentQueue<IndexChange> changes)
    {
        IndexGeneration replaced;
        var replayed = 0;
        changeLock.EnterWriteLock();
        try
        {
            ThrowIfDisposed();
            while (changes.TryDequeue(out var change))
            {
                Replay(fresh.Writer, change);
                replayed++;
            }

            journal = null;
            fresh.Writer.Commit();
            fresh.OpenSearchers();
            catalog.MakeCurrent(fresh.Entry);
            replaced = active;
            Volatile.Write(ref active, fresh);
        }
        finally
        {
            changeLock.ExitWriteLock();
        }

        replaced.Retire();
        replaced.Release();
        return replayed;
    }

    private static void Replay(IndexWriter writer, IndexChange change)
    {
        switch (change)
        {
            case IndexChange.Upsert upsert:
                writer.UpdateDocument(new Term(IndexFields.DocumentId, upsert.Document.DocumentId), IndexDocumentMapper.ToLucene(upsert.Document));
                break;
            case IndexChange.CaseUpdate update:
                using (var reader = DirectoryReader.Open(writer, applyAllDeletes: true))
                {
                    Restamp(writer, new Lucene.Net.Search.IndexSearcher(reader), update.Case);
                }

                break;
            case IndexChange.Delete delete:
                writer.DeleteDocuments(new Term(IndexFields.DocumentId, delete.DocumentId));
                break;
        }
    }

    private static long DirectorySize(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the search index as generation {Generation} in {IndexPath}; searches use the current one until it is done")]
    private partial void LogRebuildStarted(string generation, string indexPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index generation {Generation} took over: {DocumentCount} documents, {Replayed} changes made meanwhile replayed, {Seconds:F1} s, {Bytes} bytes")]
    private partial void LogRebuildFinished(string generation, long documentCount, int replayed, double seconds, long bytes);
}
