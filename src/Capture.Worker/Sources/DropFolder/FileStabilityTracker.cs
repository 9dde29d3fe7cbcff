namespace Capture.Worker.Sources.DropFolder;

/// <summary>
/// Decides when a file in a drop folder is complete: its size and modification time must not have changed for
/// <c>StableFor</c>. Scanners writing over SMB or FTP create the file long before they finish it.
/// </summary>
internal sealed class FileStabilityTracker
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _stableFor;
    private readonly Dictionary<string, Observation> _observations = new(StringComparer.Ordinal);

    public FileStabilityTracker(TimeProvider time, TimeSpan stableFor)
    {
        _time = time;
        _stableFor = stableFor;
    }

    /// <summary>Records the current state of <paramref name="files"/> and returns those that have been stable long enough.</summary>
    public IReadOnlyList<FileInfo> Observe(IEnumerable<FileInfo> files)
    {
        var now = _time.GetUtcNow();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var ready = new List<FileInfo>();
        foreach (var file in files)
        {
            present.Add(file.FullName);
            var signature = (file.Length, file.LastWriteTimeUtc);
            if (!_observations.TryGetValue(file.FullName, out var seen) || seen.Signature != signature)
            {
                seen = new Observation(signature, now);
                _observations[file.FullName] = seen;
            }

            if (now - seen.Since >= _stableFor)
            {
                ready.Add(file);
            }
        }

        foreach (var gone in _observations.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _observations.Remove(gone);
        }

        return ready;
    }

    /// <summary>Forgets a file that has been taken.</summary>
    public void Forget(string fullPath) => _observations.Remove(fullPath);

    private readonly record struct Observation((long Length, DateTime LastWrite) Signature, DateTimeOffset Since);
}
