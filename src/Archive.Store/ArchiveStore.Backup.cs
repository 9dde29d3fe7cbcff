using Archive.Store.Backup;
using Archive.Store.Storage;

namespace Archive.Store;

/// <summary>A consistent copy of the store while captures go on.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// Copies the store into <paramref name="targetDirectory"/> while captures go on: under the store's lock (a moment,
    /// the time to copy one file) LiteDB's log is checkpointed into the data file and the data file is copied; then,
    /// without the lock, every file the copied records name (originals, texts, searchable PDFs, quarantined items kept
    /// inside the archive) is copied. Originals are immutable and files of later captures are not named by the copy,
    /// so the result is the archive as it was at that moment. In the copy, quarantine paths inside the archive become
    /// relative to it, so the backup can be restored anywhere.
    /// </summary>
    /// <param name="targetDirectory">An empty folder (created when missing).</param>
    /// <param name="fileCopied">Told about every file written, for the backup's manifest.</param>
    /// <param name="cancellationToken">Stops the copy between files.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetDirectory"/> is blank or inside the archive.</exception>
    /// <exception cref="IOException">A file cannot be written, or the target already holds a database.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <exception cref="OperationCanceledException">The backup was cancelled (the target is left partial).</exception>
    public StoreBackupResult Backup(string targetDirectory, Action<BackedUpFile> fileCopied, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        ArgumentNullException.ThrowIfNull(fileCopied);
        var target = Path.GetFullPath(targetDirectory);
        if (IsInsideRoot(target))
        {
            throw new ArgumentException($"The backup folder {target} is inside the archive {_paths.Root}; choose a folder outside it.", nameof(targetDirectory));
        }

        Directory.CreateDirectory(target);
        var databaseCopy = Path.Combine(target, ArchiveDatabase.FileName);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _database.Checkpoint();
            HashingCopy.Copy(Path.Combine(_paths.Root, ArchiveDatabase.FileName), databaseCopy, cancellationToken);
        }

        var files = 0;
        long bytes = 0;
        var notCopied = new List<string>();
        int cases, documents, quarantine;
        using (var copy = new ArchiveDatabase(databaseCopy))
        {
            cases = copy.Cases.Count();
            documents = copy.Documents.Count();
            quarantine = copy.Quarantine.Count();
            foreach (var relative in StoreSnapshotFiles.Named(copy, _paths.Root, notCopied))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = _paths.Resolve(relative);
                if (!File.Exists(source))
                {
                    notCopied.Add($"{relative}: missing from the archive (run `capture verify`)");
                    continue;
                }

                var (sha256, size) = HashingCopy.Copy(source, Path.Combine(target, relative), cancellationToken);
                fileCopied(new BackedUpFile(relative, sha256, size));
                files++;
                bytes += size;
            }

            copy.Checkpoint();
        }

        File.Delete(Path.Combine(target, ArchiveDatabase.LockFileName));
        var (databaseSha256, databaseSize) = HashingCopy.Hash(databaseCopy);
        fileCopied(new BackedUpFile(ArchiveDatabase.FileName, databaseSha256, databaseSize));
        return new StoreBackupResult(cases, documents, quarantine, files + 1, bytes + databaseSize, notCopied);
    }

    private bool IsInsideRoot(string fullPath)
    {
        var relative = Path.GetRelativePath(_paths.Root, fullPath);
        return relative == "." || (!Path.IsPathRooted(relative) && !relative.StartsWith("..", StringComparison.Ordinal));
    }
}
