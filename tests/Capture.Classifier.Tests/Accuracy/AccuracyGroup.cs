using Capture.Classifier.Tests.Extraction;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// The accuracy tests share one extractor (two engines) and one set of letter scans, and run one after another:
/// each test already keeps both cores busy, Capture on one and the <c>tesseract</c> program on the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccuracyGroup : ICollectionFixture<ExtractorFixture>, ICollectionFixture<LetterScans>
{
    public const string Name = "OCR accuracy";
}
