using System.Diagnostics;
using Capture.Classifier.Extraction;
using Capture.Classifier.Images;
using Capture.Classifier.Ocr;
using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Capture.Classifier.Tests.Ocr;

public sealed class TesseractRecognitionTests(OcrPoolFixture fixture, ITestOutputHelper output) : IClassFixture<OcrPoolFixture>
{
    [Fact]
    public async Task Recognize_PhototestTiff_FindsGroundTruthWordsWithHighConfidence()
    {
        var data = await File.ReadAllBytesAsync(TestCorpus.RequireFile("scans/tesseract/phototest.tif"), TestContext.Current.CancellationToken);
        var reader = new ImageDocumentReader(fixture.Pool);

        var stopwatch = Stopwatch.StartNew();
        var pages = await reader.ReadAsync(data, ImageFormat.Tiff, TestContext.Current.CancellationToken);
        var first = stopwatch.ElapsedMilliseconds;
        stopwatch.Restart();
        _ = await reader.ReadAsync(data, ImageFormat.Tiff, TestContext.Current.CancellationToken);
        output.WriteLine($"phototest.tif: first {first} ms, again {stopwatch.ElapsedMilliseconds} ms (engines initialised: {fixture.Pool.EnginesInitialized})");

        var page = Assert.Single(pages);
        Assert.True(page.FromOcr);
        Assert.Contains("quick brown dog", page.Text, StringComparison.Ordinal);
        Assert.Contains("lazy fox", page.Text, StringComparison.Ordinal);
        Assert.Contains("12 point text", page.Text, StringComparison.Ordinal);
        Assert.True(page.Confidence > 0.7, $"confidence {page.Confidence}");
    }

    [Fact]
    public async Task Recognize_ManyPages_ReusesEnginesInsteadOfInitialisingPerPage()
    {
        using var pool = new OcrEnginePool(new OcrOptions { MaxDegreeOfParallelism = 2 }, NullLogger<OcrEnginePool>.Instance);
        var data = await File.ReadAllBytesAsync(TestCorpus.RequireFile("scans/tesseract/HelloGoogle.tif"), TestContext.Current.CancellationToken);
        var reader = new ImageDocumentReader(pool);

        for (var i = 0; i < 6; i++)
        {
            var pages = await reader.ReadAsync(data, ImageFormat.Tiff, TestContext.Current.CancellationToken);
            Assert.Contains("Hello", Assert.Single(pages).Text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.InRange(pool.EnginesInitialized, 1, pool.Capacity);
    }

    [Fact]
    public async Task Recognize_PageOverPixelLimit_IsUnreadableWithSizeAndSetting()
    {
        using var pool = new OcrEnginePool(new OcrOptions { MaxPixelsPerPage = 100_000 }, NullLogger<OcrEnginePool>.Instance);
        var data = await File.ReadAllBytesAsync(TestCorpus.RequireFile("scans/tesseract/phototest.tif"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => new ImageDocumentReader(pool).ReadAsync(data, ImageFormat.Tiff, TestContext.Current.CancellationToken));

        Assert.Matches(@"^Page 1 is \d+×\d+ pixels \(0\.\d+ megapixels\)", error.Message);
        Assert.Contains("above the limit of 0.1 megapixels (Ocr:MaxPixelsPerPage)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, pool.EnginesInitialized);
    }

    [Fact]
    public async Task Recognize_PageSlowerThanTimeout_IsUnreadableNamingPageAndSetting()
    {
        using var pool = new OcrEnginePool(
            new OcrOptions { MaxDegreeOfParallelism = 1, PageTimeout = TimeSpan.FromMilliseconds(1) },
            NullLogger<OcrEnginePool>.Instance);
        var data = await File.ReadAllBytesAsync(TestCorpus.RequireFile("scans/tesseract/phototest.tif"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => new ImageDocumentReader(pool).ReadAsync(data, ImageFormat.Tiff, TestContext.Current.CancellationToken));

        Assert.Contains("Recognition of page 1 did not finish within 00:00:00.0010000 (Ocr:PageTimeout)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognize_CancelledToken_ThrowsOperationCanceled()
    {
        var data = await File.ReadAllBytesAsync(TestCorpus.RequireFile("scans/tesseract/phototest.tif"), TestContext.Current.CancellationToken);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new ImageDocumentReader(fixture.Pool).ReadAsync(data, ImageFormat.Tiff, cancelled.Token));
    }

    [Fact]
    public void OpenMpThreadLimit_IsSetInNativeEnvironment()
    {
        Assert.NotNull(fixture.Pool);
        Assert.NotNull(NativeEnvironment.GetNativeVariable("OMP_THREAD_LIMIT"));
    }
}
