using System.Globalization;
using Archive.Store.Backup;

namespace Capture.Worker.Operations;

/// <summary>
/// <c>capture restore DIR</c>: checks a backup against its manifest and copies it into an archive folder that is not
/// in use. The copy is made beside the target and moved into place only when every file matched, so a refused or
/// interrupted restore leaves the target as it was; a target replaced with <c>--force</c> is kept, renamed, not deleted.
/// </summary>
public static class ArchiveRestore
{
    private const int MaxMismatchesListed = 20;

    /// <summary>Restores <paramref name="backupDirectory"/> into <paramref name="archiveDirectory"/>.</summary>
    /// <param name="backupDirectory">What <c>capture backup</c> wrote.</param>
    /// <param name="archiveDirectory">The archive root to restore into.</param>
    /// <param name="force">Replace a non-empty target (it is renamed aside, never deleted).</param>
    /// <param name="now">The time, for naming the replaced folder.</param>
    /// <param name="cancellationToken">Stops the copy (the target is left as it was).</param>
    /// <returns>The backup's manifest, and the folder the old archive was moved to, if any.</returns>
    /// <exception cref="ArchiveOperationRefusedException">The backup fails its manifest, or the target is not empty (without <paramref name="force"/>) or in use.</exception>
    /// <exception cref="IOException">A file could not be read or written.</exception>
    public static (BackupManifest Manifest, string? ReplacedArchive) Restore(string backupDirectory, string archiveDirectory, bool force, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var backup = Path.GetFullPath(backupDirectory);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(archiveDirectory));
        BackupManifest manifest;
        try
        {
            manifest = BackupManifest.Read(backup);
        }
        catch (InvalidDataException exception)
        {
            throw new ArchiveOperationRefusedException(exception.Message, exception);
        }

        var checksums = Path.Combine(backup, BackupManifest.ChecksumsFileName);
        if (!File.Exists(checksums) || !string.Equals(HashingCopy.Hash(checksums).Sha256, manifest.FilesSha256, StringComparison.Ordinal))
        {
            throw new ArchiveOperationRefusedException($"The backup {backup} fails its manifest: {BackupManifest.ChecksumsFileName} is missing or not the list the manifest was written with. It has been damaged or tampered with; use another backup.");
        }

        var occupied = Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
        if (occupied && !force)
        {
            throw new ArchiveOperationRefusedException($"The archive folder {target} is not empty. Restore into a new or empty folder, or add --force to replace it (the current one is kept, renamed).");
        }

        using var inUse = occupied ? HoldArchive(target) : null;
        var staging = $"{target}.restoring-{Guid.NewGuid():N}";
        try
        {
            CopyChecked(backup, staging, manifest, checksums, cancellationToken);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        string? replaced = null;
        if (occupied)
        {
            inUse?.Dispose();
            replaced = string.Create(CultureInfo.InvariantCulture, $"{target}.replaced-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
            Directory.Move(target, replaced);
        }
        else if (Directory.Exists(target))
        {
            Directory.Delete(target);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(staging, target);
        return (manifest, replaced);
    }

    private static void CopyChecked(string backup, string staging, BackupManifest manifest, string checksums, CancellationToken cancellationToken)
    {
        var mismatches = new List<string>();
        var count = 0;
        foreach (var line in File.ReadLines(checksums))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line.Length == 0)
            {
                continue;
            }

            count++;
            (string Sha256, string RelativePath) entry;
            try
            {
                entry = BackupManifest.ParseChecksumLine(line);
            }
            catch (InvalidDataException exception)
            {
                throw new ArchiveOperationRefusedException($"The backup {backup} fails its manifest: {exception.Message}", exception);
            }

            var source = Path.GetFullPath(Path.Combine(backup, entry.RelativePath));
            var copy = Path.GetFullPath(Path.Combine(staging, entry.RelativePath));
            if (!source.StartsWith(backup + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !copy.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ArchiveOperationRefusedException($"The backup {backup} fails its manifest: it lists {entry.RelativePath}, which is outside the backup. It has been tampered with; use another backup.");
            }

            if (!File.Exists(source))
            {
                mismatches.Add($"{entry.RelativePath} is missing");
                continue;
            }

            var (sha256, _) = HashingCopy.Copy(source, copy, cancellationToken);
            if (!string.Equals(sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                mismatches.Add($"{entry.RelativePath} has SHA-256 {sha256}, the manifest says {entry.Sha256}");
            }
        }

        if (count != manifest.Files)
        {
            mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{BackupManifest.ChecksumsFileName} lists {count} files, the manifest {manifest.Files}"));
        }

        if (mismatches.Count > 0)
        {
            throw new ArchiveOperationRefusedException(
                string.Create(CultureInfo.InvariantCulture, $"The backup {backup} fails its manifest ({mismatches.Count} problem(s)): {string.Join("; ", mismatches.Take(MaxMismatchesListed))}. It has been damaged or tampered with; nothing was restored. Use another backup."));
        }
    }

    /// <summary>Holds the target's lock file as the store does, so no Capture process opens it while it is replaced.</summary>
    private static FileStream HoldArchive(string target)
    {
        try
        {
            return new FileStream(Path.Combine(target, "capture.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new ArchiveOperationRefusedException($"The archive {target} is in use by a running Capture process; stop it (capture run) before restoring over it.", exception);
        }
    }
}
