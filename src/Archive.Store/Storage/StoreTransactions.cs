using Archive.Store.Files;
using Microsoft.Extensions.Logging;

namespace Archive.Store.Storage;

/// <summary>
/// Runs the store's writes as LiteDB transactions, alone or several in one (a group commit). Every write of a capture
/// gets its <see cref="PendingFiles"/>; when a transaction rolls back, the files of every write in it are deleted.
/// </summary>
/// <remarks>
/// A group exists because each commit costs several disk flushes (LiteDB flushes its log whenever its writer queue
/// drains), which bounds one-at-a-time capture to a few dozen items per second; the files of all the writes are
/// flushed together, in parallel, just before the commit (<see cref="PendingFiles.FlushAll"/>). Inside a group a failed write dooms
/// the whole group: LiteDB has no savepoints, so a caller that swallowed the failure would otherwise commit half of it.
/// The caller holds the store's lock for the whole group, on one thread (LiteDB binds a transaction to its thread).
/// </remarks>
internal sealed class StoreTransactions(ArchiveDatabase database, ILogger logger)
{
    private Group? _group;

    /// <summary>Runs one write: its own transaction, or part of the open group.</summary>
    /// <exception cref="InvalidOperationException">A group is open on another thread.</exception>
    public T Run<T>(Func<PendingFiles, T> write)
    {
        var files = new PendingFiles(logger);
        if (_group is { } group)
        {
            group.EnsureSameThread();
            group.Files.Add(files);
            try
            {
                return write(files);
            }
            catch
            {
                group.Doomed = true;
                throw;
            }
        }

        database.BeginTransaction();
        try
        {
            var result = write(files);
            PendingFiles.FlushAll([files]);
            database.Commit();
            return result;
        }
        catch
        {
            database.Rollback();
            files.Discard();
            throw;
        }
    }

    /// <summary>Runs one write that creates no files.</summary>
    public void Run(Action write) => Run<object?>(_ =>
    {
        write();
        return null;
    });

    /// <summary>Runs <paramref name="writes"/> as one transaction: all of its writes are kept, or none (and none of their files).</summary>
    /// <exception cref="InvalidOperationException">Groups were nested, or a write inside failed and its failure was caught (the group is rolled back).</exception>
    public T RunGroup<T>(Func<T> writes)
    {
        if (_group is not null)
        {
            throw new InvalidOperationException("Store transactions cannot be grouped inside a group.");
        }

        var group = new Group(Environment.CurrentManagedThreadId);
        _group = group;
        database.BeginTransaction();
        try
        {
            var result = writes();
            if (group.Doomed)
            {
                throw new InvalidOperationException("A write inside a grouped store transaction failed and its failure was caught; the whole group is rolled back.");
            }

            PendingFiles.FlushAll(group.Files);
            database.Commit();
            return result;
        }
        catch
        {
            database.Rollback();
            foreach (var files in group.Files)
            {
                files.Discard();
            }

            throw;
        }
        finally
        {
            _group = null;
        }
    }

    private sealed class Group(int threadId)
    {
        public List<PendingFiles> Files { get; } = [];

        public bool Doomed { get; set; }

        public void EnsureSameThread()
        {
            if (Environment.CurrentManagedThreadId != threadId)
            {
                throw new InvalidOperationException("A grouped store transaction was used from another thread; LiteDB binds transactions to their thread.");
            }
        }
    }
}
