using System.Reflection;
using Archive.Search;
using Archive.Store;
using Archive.Store.Backup;

namespace Capture.Worker.Operations;

/// <summary>
/// <c>capture backup DIR</c>: a consistent copy of the archive taken while captures go on, in the order the data
/// depends on: the database (checkpointed and copied under the store's lock), the files its records name, then the
/// search index from a commit point held by a snapshot. The index may be a moment newer than the database; a restore
/// reconciles it (<see cref="Indexing.IndexReconciliation"/>). A manifest with every file's SHA-256 makes it checkable.
/// </summary>
public sealed class ArchiveBackup(ArchiveStore store, ArchiveIndex index, TimeProvider time)
{
    /// <summary>The index's folder inside a backup.</summary>
    public const string IndexFolder = "index";

    /// <summary>Writes a backup into <paramref name="targetDirectory"/>, which must be empty or missing.</summary>
    /// <returns>The manifest written.</returns>
    /// <exception cref="ArchiveOperationRefusedException">The target is not empty or is inside the archive.</exception>
    /// <exception cref="IOException">A file could not be read or written (the target is left partial, without a manifest).</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the target is left partial, without a manifest).</exception>
    public BackupManifest Create(string targetDirectory, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(targetDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ArchiveOperationRefusedException($"The backup folder {target} is not empty. Give a new or empty folder; a backup never mixes with another.");
        }

        Directory.CreateDirectory(target);
        var createdAt = time.GetUtcNow();
        var files = 0;
        long bytes = 0;
        StoreBackupResult stored;
        int indexed;
        var checksumsPath = Path.Combine(target, BackupManifest.ChecksumsFileName);
        using (var checksums = new StreamWriter(checksumsPath) { NewLine = "\n" })
        {
            void Record(string relativePath, string sha256, long size)
            {
                checksums.WriteLine(BackupManifest.ChecksumLine(sha256, relativePath));
                files++;
                bytes += size;
            }

            try
            {
                stored = store.Backup(target, file => Record(file.RelativePath, file.Sha256, file.Size), cancellationToken);
            }
            catch (ArgumentException exception)
            {
                throw new ArchiveOperationRefusedException(exception.Message, exception);
            }

            indexed = index.Backup(Path.Combine(target, IndexFolder), (source, copy) =>
            {
                var (sha256, size) = HashingCopy.Copy(source, copy, cancellationToken);
                Record(Path.GetRelativePath(target, copy).Replace('\\', '/'), sha256, size);
            });
            var pointer = Path.Combine(target, IndexFolder, "CURRENT");
            Record($"{IndexFolder}/CURRENT", HashingCopy.Hash(pointer).Sha256, new FileInfo(pointer).Length);
        }

        var manifest = new BackupManifest(
            BackupManifest.CurrentFormat,
            typeof(ArchiveBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            createdAt,
            store.RootDirectory,
            stored.Cases,
            stored.Documents,
            stored.QuarantineRecords,
            indexed,
            files,
            bytes,
            HashingCopy.Hash(checksumsPath).Sha256,
            stored.NotCopied);
        manifest.Write(target);
        return manifest;
    }
}
