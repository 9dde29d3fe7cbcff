using Capture.Classifier.Ocr;
using Microsoft.Extensions.Logging.Abstractions;

namespace Capture.Classifier.Tests.Ocr;

/// <summary>One engine pool for a test class: engines are expensive to initialise, as in the service.</summary>
public sealed class OcrPoolFixture : IDisposable
{
    public OcrPoolFixture()
    {
        Pool = new OcrEnginePool(new OcrOptions { MaxDegreeOfParallelism = 2 }, NullLogger<OcrEnginePool>.Instance);
    }

    public OcrEnginePool Pool { get; }

    public void Dispose() => Pool.Dispose();
}
