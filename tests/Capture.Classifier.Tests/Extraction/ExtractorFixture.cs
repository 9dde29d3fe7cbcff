using Capture.Classifier.Extraction;
using Capture.Classifier.Ocr;
using Microsoft.Extensions.Logging.Abstractions;

namespace Capture.Classifier.Tests.Extraction;

/// <summary>A real extractor on a real Tesseract pool, shared by the tests of one class.</summary>
public sealed class ExtractorFixture : IDisposable
{
    public ExtractorFixture()
    {
        Pool = new OcrEnginePool(new OcrOptions { MaxDegreeOfParallelism = 2 }, NullLogger<OcrEnginePool>.Instance);
        Extractor = new DocumentTextExtractor(new ExtractionOptions(), Pool, NullLogger<DocumentTextExtractor>.Instance);
    }

    public OcrEnginePool Pool { get; }

    public DocumentTextExtractor Extractor { get; }

    public void Dispose() => Pool.Dispose();
}
