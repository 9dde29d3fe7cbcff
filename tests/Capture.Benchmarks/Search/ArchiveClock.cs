namespace Capture.Benchmarks.Search;

/// <summary>
/// The index's clock during the benchmark: always <see cref="ArchiveGenerator.Now"/>, the moment the generated archive
/// describes. With the machine's clock, <c>waiting:&gt;7</c> and <c>alert:due</c> would find more cases every day the
/// benchmark is run later, and the figures of two runs would not compare. Timestamps (for elapsed times) stay real.
/// </summary>
internal sealed class ArchiveClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => ArchiveGenerator.Now;
}
