using Capture.Classifier.Extraction;
using Capture.Classifier.Understanding;

namespace Capture.Worker.Pipeline;

/// <summary>An item after <see cref="CapturePipeline.PrepareAsync(CaptureItem, CancellationToken)"/>: either finished (<see cref="Result"/>) or read and understood, ready to file.</summary>
/// <param name="Item">The item.</param>
/// <param name="Sha256">Its content hash, when it could be read.</param>
/// <param name="Result">The outcome when preparing already decided it (duplicate, quarantined); null when it is to be filed.</param>
internal sealed record PreparedCapture(CaptureItem Item, string? Sha256, CaptureResult? Result)
{
    public ExtractedDocument? Document { get; init; }

    public ItemAnalysis? Analysis { get; init; }
}
