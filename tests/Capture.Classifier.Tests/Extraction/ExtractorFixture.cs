using Capture.Classifier.Extraction;
using Capture.Classifier.Ocr;
using Capture.Testing;
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

    /// <summary>An extractor with other options on the same engine pool.</summary>
    public DocumentTextExtractor ExtractorWith(ExtractionOptions options) =>
        new(options, Pool, NullLogger<DocumentTextExtractor>.Instance);

    /// <summary>Extracts content a test built in memory, written to a file first as it would arrive.</summary>
    public Task<ExtractedDocument> ExtractBytesAsync(byte[] content, string fileName) => ExtractBytesAsync(Extractor, content, fileName);

    /// <inheritdoc cref="ExtractBytesAsync(byte[], string)"/>
    public static async Task<ExtractedDocument> ExtractBytesAsync(DocumentTextExtractor extractor, byte[] content, string fileName)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine(fileName);
        await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);
        return await extractor.ExtractAsync(path, fileName, TestContext.Current.CancellationToken);
    }

    /// <summary>Extracts a file of the shared corpus (the test is skipped, saying why, where the corpus is absent).</summary>
    public Task<ExtractedDocument> ExtractCorpusAsync(string relativePath) =>
        Extractor.ExtractAsync(TestCorpus.RequireFile(relativePath), Path.GetFileName(relativePath), TestContext.Current.CancellationToken);

    public void Dispose() => Pool.Dispose();
}
