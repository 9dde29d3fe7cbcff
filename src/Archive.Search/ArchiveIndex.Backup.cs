using Archive.Search.Indexing;
using Lucene.Net.Index;

namespace Archive.Search;

/// <summary>A consistent copy of the index while it is written to.</summary>
public sealed partial class ArchiveIndex
{
    /// <summary>
    /// Copies the index into <paramref name="targetDirectory"/> (laid out as an index folder: a generation folder and its
    /// <c>CURRENT</c> pointer) while changes go on: pending changes are committed, that commit is held by a snapshot so
    /// that no later commit or merge deletes its files, and exactly its files are copied; the snapshot is then released.
    /// </summary>
    /// <param name="targetDirectory">The folder to create the index in (created when missing; must not hold an index).</param>
    /// <param name="copyFile">Copies one file (source, target) and returns nothing; the caller hashes it for its manifest.</param>
    /// <returns>The number of documents in the copied commit.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetDirectory"/> is blank.</exception>
    /// <exception cref="IOException">A file cannot be read or written.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    public int Backup(string targetDirectory, Action<string, string> copyFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        ArgumentNullException.ThrowIfNull(copyFile);
        return WithGeneration(generation =>
        {
            IndexCommit commit;
            changeLock.EnterReadLock();
            try
            {
                generation.Writer.Commit();
                commit = generation.Snapshots.Snapshot();
            }
            finally
            {
                changeLock.ExitReadLock();
            }

            try
            {
                var target = new GenerationCatalog(Path.GetFullPath(targetDirectory));
                System.IO.Directory.CreateDirectory(target.Root);
                var entry = target.Next() with { Schema = generation.Entry.Schema };
                foreach (var file in commit.FileNames)
                {
                    copyFile(Path.Combine(generation.Entry.Path, file), Path.Combine(entry.Path, file));
                }

                target.MakeCurrent(entry);
                using var reader = DirectoryReader.Open(commit);
                return reader.NumDocs;
            }
            finally
            {
                generation.Snapshots.Release(commit);
                generation.Writer.DeleteUnusedFiles();
            }
        });
    }
}
