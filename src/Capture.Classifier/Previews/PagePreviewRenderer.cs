using System.Globalization;
using System.Runtime.InteropServices;
using Capture.Classifier.Extraction;
using Capture.Classifier.Images;
using Capture.Classifier.Ocr;
using Capture.Classifier.Pdf;

namespace Capture.Classifier.Previews;

/// <summary>
/// Draws one page of an archived scan or PDF as a PNG whose longer side is at most a given number of pixels, for people
/// to look at: image pages are decoded by leptonica (the same decoder and the same limits as OCR) and scaled down, PDF
/// pages are rendered by <c>pdftoppm</c> straight at the preview's size.
/// </summary>
/// <remarks>
/// The limits that protect OCR protect previews too: a file over <c>Extraction:MaxFileBytes</c>, an image page over
/// <c>Ocr:MaxPixelsPerPage</c> (checked in its header before it is decoded, and again after) and a PDF page whose
/// rendering outlasts <c>Extraction:PdfRenderTimeout</c> are refused with the reason. A PDF page is rendered at the
/// preview's size whatever its media box says, so a poster costs what a letter costs.
/// </remarks>
public sealed class PagePreviewRenderer
{
    private readonly ExtractionOptions extraction;
    private readonly OcrOptions ocr;
    private readonly PopplerPageRenderer poppler;

    /// <param name="extraction">Where <c>pdftoppm</c> is, its timeout and the largest file read.</param>
    /// <param name="pool">The OCR engine pool, whose options carry the pixel and page limits (and which quiets leptonica's own messages).</param>
    public PagePreviewRenderer(ExtractionOptions extraction, OcrEnginePool pool)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        ArgumentNullException.ThrowIfNull(pool);
        this.extraction = extraction;
        ocr = pool.Options;
        poppler = new PopplerPageRenderer(extraction);
    }

    /// <summary>Draws page <paramref name="pageNumber"/> (from 1) of the file at <paramref name="path"/> and returns the PNG's bytes.</summary>
    /// <param name="path">The file (an archived original, or a PDF derived from it).</param>
    /// <param name="fileName">Its name, which helps tell its kind when its first bytes do not.</param>
    /// <param name="pageNumber">The page, from 1.</param>
    /// <param name="maxSide">The most pixels of the preview's longer side (16 to 4000); smaller pages are not enlarged.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageNumber"/> or <paramref name="maxSide"/> is out of range.</exception>
    /// <exception cref="UnreadableDocumentException">The file is not a scan or PDF, the page does not exist, is over a limit or cannot be drawn.</exception>
    /// <exception cref="InvalidOperationException"><c>pdftoppm</c> is not installed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<byte[]> RenderPngAsync(string path, string fileName, int pageNumber, int maxSide, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSide, 4000);
        var length = new FileInfo(path).Length;
        if (length > extraction.MaxFileBytes)
        {
            throw new UnreadableDocumentException(string.Create(
                CultureInfo.InvariantCulture, $"The file is {length} bytes, above the limit of {extraction.MaxFileBytes} bytes (Extraction:MaxFileBytes)."));
        }

        var head = new byte[ContentSniffer.HeadLength];
        int read;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var sniffed = ContentSniffer.Sniff(head.AsSpan(0, read), fileName);
        return sniffed.Kind switch
        {
            ContentKind.Pdf => await poppler.RenderPreviewAsync(path, pageNumber, maxSide, cancellationToken),
            ContentKind.Image => DrawImagePage(await File.ReadAllBytesAsync(path, cancellationToken), sniffed.ImageFormat!.Value, pageNumber, maxSide),
            _ => throw new UnreadableDocumentException("The file is neither a scan nor a PDF, so it has no pages to preview."),
        };
    }

    private byte[] DrawImagePage(byte[] data, ImageFormat format, int pageNumber, int maxSide)
    {
        var pageCount = format == ImageFormat.Tiff ? ImageDocumentReader.CountTiffPages(data, pageNumber) : 1;
        if (pageNumber > pageCount)
        {
            throw new UnreadableDocumentException(string.Create(CultureInfo.InvariantCulture, $"The image has no page {pageNumber}."));
        }

        var (width, height) = ImageDocumentReader.ReadDimensions(data, format, pageNumber);
        PagePixelLimit.EnsureWithin(pageNumber, width, height, ocr);
        using var page = ImageDocumentReader.Decode(data, format, pageNumber, ocr);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        using var scaled = scale < 1.0
            ? LeptonicaNative.pixScaleToSize(page, width >= height ? maxSide : 0, width >= height ? 0 : maxSide)
            : LeptonicaNative.pixCloneHandle(page);
        if (scaled.IsInvalid)
        {
            throw new UnreadableDocumentException(string.Create(CultureInfo.InvariantCulture, $"Page {pageNumber} could not be scaled for its preview."));
        }

        return EncodePng(scaled, pageNumber);
    }

    private static byte[] EncodePng(PixHandle pix, int pageNumber)
    {
        if (LeptonicaNative.pixWriteMem(out var data, out var size, pix, LeptonicaNative.FormatPng) != 0 || data == IntPtr.Zero)
        {
            throw new UnreadableDocumentException(string.Create(CultureInfo.InvariantCulture, $"The preview of page {pageNumber} could not be encoded as PNG."));
        }

        try
        {
            var png = new byte[checked((int)size)];
            Marshal.Copy(data, png, 0, png.Length);
            return png;
        }
        finally
        {
            LeptonicaNative.lept_free(data);
        }
    }
}
