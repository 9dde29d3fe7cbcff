namespace Capture.Worker.Hosting;

/// <summary>Settings of the capture pipeline itself (configuration section <c>Capture</c>).</summary>
public sealed class CaptureOptions
{
    public const string SectionName = "Capture";

    /// <summary>How many items are captured at the same time by <c>capture import</c>; 0 means one per processor core.</summary>
    public int MaxParallelItems { get; set; }

    /// <summary>Items below this OCR confidence (0..1) are flagged for human review.</summary>
    public double ReviewBelowOcrConfidence { get; set; } = 0.6;

    /// <summary>
    /// How long new captures may wait before the search index is committed and they become searchable: one commit
    /// serves every capture in that time. <c>00:00:00</c> commits after each item.
    /// </summary>
    public TimeSpan IndexCommitInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How drop folders and mailboxes retry an item whose capture failed, before quarantining it (<c>Capture:Retry</c>).</summary>
    public Sources.RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Set by one-shot commands that capture (<c>capture import</c>, <c>capture fetch</c>), never by configuration:
    /// nothing can search the index while they hold it, so it is committed once when they finish (Lucene still flushes
    /// segments when its RAM buffer fills) instead of every <see cref="IndexCommitInterval"/>, which would cut a small
    /// segment each time and keep merging them. A crash loses only index entries, which the next capture restores
    /// from the store (<c>CaseIndexer.CatchUp</c>).
    /// </summary>
    internal bool CommitIndexWhenDone { get; set; }

    /// <summary>The effective degree of parallelism.</summary>
    public int EffectiveParallelism => MaxParallelItems > 0 ? MaxParallelItems : Math.Max(1, Environment.ProcessorCount);
}
