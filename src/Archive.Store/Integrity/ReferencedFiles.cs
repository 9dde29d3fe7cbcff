using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Archive.Store.Integrity;

/// <summary>
/// The archive-relative paths the records name, kept as 64-bit hashes (about 30 bytes each instead of the path) so a
/// walk of the folder can tell an orphan from an archived file on archives of millions of files. Two paths share a
/// hash with odds of about 1 in 10^13 at a million files; the cost of such a collision is one orphan not reported.
/// </summary>
internal sealed class ReferencedFiles
{
    private readonly HashSet<ulong> _hashes = [];

    public void Add(string relativePath) => _hashes.Add(Hash(relativePath));

    public bool Contains(string relativePath) => _hashes.Contains(Hash(relativePath));

    private static ulong Hash(string relativePath) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(relativePath.Replace('\\', '/').AsSpan()));
}
