using System.Security.Cryptography;

namespace Capture.Worker.Pipeline;

/// <summary>SHA-256 of a file's content, the identity the archive deduplicates on.</summary>
internal static class ContentHash
{
    /// <summary>
    /// Hashes the file with plain synchronous reads: items are local files of kilobytes to megabytes, and asynchronous
    /// file I/O on Linux costs a thread-pool hop per buffer for no gain here.
    /// </summary>
    public static string Compute(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
