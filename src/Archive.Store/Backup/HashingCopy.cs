using System.Security.Cryptography;

namespace Archive.Store.Backup;

/// <summary>Copies a file while hashing the bytes written, flushed to disk before it returns.</summary>
public static class HashingCopy
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> (creating its folder; an existing file is refused).</summary>
    /// <param name="source">The file to read.</param>
    /// <param name="target">The file to create.</param>
    /// <param name="cancellationToken">Stops the copy between blocks.</param>
    /// <returns>The SHA-256 of the bytes written (lower-case hex) and their count.</returns>
    /// <exception cref="IOException">A file cannot be read or written, or the target exists.</exception>
    /// <exception cref="UnauthorizedAccessException">A file is not accessible.</exception>
    /// <exception cref="OperationCanceledException">The copy was cancelled.</exception>
    public static (string Sha256, long Size) Copy(string source, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hash.AppendData(buffer, 0, read);
            output.Write(buffer, 0, read);
            size += read;
        }

        output.Flush(flushToDisk: true);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>The SHA-256 of a file (lower-case hex) and its size.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not accessible.</exception>
    public static (string Sha256, long Size) Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }
}
