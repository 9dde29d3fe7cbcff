using System.Security.Cryptography;

namespace Capture.Worker.Pipeline;

/// <summary>SHA-256 of a file's content, the identity the archive deduplicates on.</summary>
internal static class ContentHash
{
    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }
}
