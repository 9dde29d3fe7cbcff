namespace Capture.Worker.Pipeline;

/// <summary>One item offered to the pipeline by a source.</summary>
/// <param name="Path">Where the item's bytes are now (for a drop folder: the claimed copy).</param>
/// <param name="OriginalFileName">The name it arrived with; shown to people, never used as a path.</param>
/// <param name="SourceName">The source, e.g. <c>import</c> or <c>drop:scanner-1</c>.</param>
/// <param name="SourceKey">The intake-ledger key that identifies this arrival (source + path + size + mtime).</param>
public sealed record CaptureItem(string Path, string OriginalFileName, string SourceName, string SourceKey)
{
    /// <summary>Where the item came from, as reported to people: the file path, or a mailbox URL for mail.</summary>
    public string Origin
    {
        get => field ?? Path;
        init;
    }

    /// <summary>Where the source will move the item if it is quarantined (recorded with the reason), or null when it stays put.</summary>
    public string? QuarantinePath { get; init; }

    /// <summary>What the sender said the item is (the intake form's category); the case's suggested category when the classifier abstains.</summary>
    public Archive.Store.Cases.CaseCategory? CategoryHint { get; init; }

    /// <summary>
    /// The quarantine record this capture retries, if it is a retry: when it fails again, that record takes the new
    /// reason instead of a second record being added.
    /// </summary>
    public string? RetryOf { get; init; }

    /// <summary>Builds the item for a file read in place (by <c>capture import</c>).</summary>
    public static CaptureItem ForFile(string path, string sourceName)
    {
        var info = new FileInfo(path);
        var key = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{sourceName}:{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
        return new CaptureItem(info.FullName, info.Name, sourceName, key);
    }
}
