using System.Buffers.Binary;
using Capture.Classifier.Extraction;
using Capture.Classifier.Ocr;
using Capture.Classifier.Previews;
using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Capture.Classifier.Tests.Previews;

/// <summary>Page previews are drawn within their size, and under the limits that protect OCR: nothing huge is decoded.</summary>
public sealed class PagePreviewRendererTests : IDisposable
{
    private static readonly string TwoPageScan = Path.Combine(RepositoryRoot.Samples, "inbox", "hu-complaint-coffee-machine-2pages.tif");

    private readonly TempDirectory _temp = new();
    private readonly OcrEnginePool _pool = new(new OcrOptions { MaxDegreeOfParallelism = 1 }, NullLogger<OcrEnginePool>.Instance);

    private PagePreviewRenderer Renderer => new(new ExtractionOptions(), _pool);

    [Fact]
    public async Task RenderPng_SecondPageOfATiffScan_IsAPngScaledToTheLongerSide()
    {
        var png = await Renderer.RenderPngAsync(TwoPageScan, "scan.tif", 2, 300, TestContext.Current.CancellationToken);

        // A4 at 300 dpi is 2480 × 3508 pixels.
        Assert.Equal((212, 300), PngSize(png));
    }

    [Fact]
    public async Task RenderPng_APageTheTiffDoesNotHave_IsRefusedNamingIt()
    {
        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => Renderer.RenderPngAsync(TwoPageScan, "scan.tif", 3, 300, TestContext.Current.CancellationToken));

        Assert.Equal("The image has no page 3.", error.Message);
    }

    [Fact]
    public async Task RenderPng_AnImageWhoseHeaderClaimsGigapixels_IsRefusedBeforeItIsDecoded()
    {
        // A 60,000 × 60,000 PNG header over no image data: decoding it would take 450 MB even at one bit per pixel.
        var bomb = _temp.Combine("bomb.png");
        await File.WriteAllBytesAsync(bomb, PngHeaderOnly(60_000, 60_000), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => Renderer.RenderPngAsync(bomb, "bomb.png", 1, 1200, TestContext.Current.CancellationToken));

        Assert.StartsWith("Page 1 is 60000×60000 pixels (3600 megapixels), above the limit of 100 megapixels (Ocr:MaxPixelsPerPage)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderPng_ATextFile_IsRefusedAsHavingNoPages()
    {
        var text = _temp.Combine("letter.txt");
        await File.WriteAllTextAsync(text, "Dear customer service, my kettle leaks.", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(
            () => Renderer.RenderPngAsync(text, "letter.txt", 1, 1200, TestContext.Current.CancellationToken));

        Assert.Contains("neither a scan nor a PDF", error.Message, StringComparison.Ordinal);
    }

    private static byte[] PngHeaderOnly(int width, int height)
    {
        var png = new byte[8 + 25 + 12];
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(png, 0);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(8), 13);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        png[24] = 1; // bit depth
        png[25] = 0; // grey
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        "IEND"u8.CopyTo(png.AsSpan(37));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(41), Crc32("IEND"u8));
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[0] == 0x89 && png.AsSpan(1, 3).SequenceEqual("PNG"u8), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    public void Dispose()
    {
        _pool.Dispose();
        _temp.Dispose();
    }
}
