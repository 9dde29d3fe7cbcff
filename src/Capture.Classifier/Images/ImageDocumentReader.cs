using Capture.Classifier.Extraction;
using Capture.Classifier.Ocr;

namespace Capture.Classifier.Images;

/// <summary>
/// Turns an image file (a scan) into pages of text: counts and measures its pages from the headers, refuses pages
/// over the limits before decoding them, and recognises the pages in parallel on the engine pool.
/// </summary>
/// <param name="pool">The shared engine pool.</param>
/// <param name="tempDirectory">Where the searchable PDF's pages are written while it is made; null uses the system temp folder.</param>
internal sealed class ImageDocumentReader(OcrEnginePool pool, string? tempDirectory = null)
{
    /// <summary>Recognises the image's pages (no searchable PDF).</summary>
    /// <exception cref="UnreadableDocumentException">The image cannot be decoded, is over a limit, or recognition failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<IReadOnlyList<ExtractedPage>> ReadAsync(byte[] data, ImageFormat format, CancellationToken cancellationToken) =>
        [.. (await ReadDocumentAsync(data, format, createSearchablePdf: false, cancellationToken)).Pages.Select(page => page.ToExtractedPage())];

    /// <summary>Recognises the image's pages and, when <paramref name="createSearchablePdf"/> is set, makes its searchable PDF.</summary>
    /// <exception cref="UnreadableDocumentException">The image cannot be decoded, is over a limit, or recognition failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="IOException">The temporary folder for the PDF pages could not be created.</exception>
    public async Task<RecognizedDocument> ReadDocumentAsync(
        byte[] data,
        ImageFormat format,
        bool createSearchablePdf,
        CancellationToken cancellationToken)
    {
        var options = pool.Options;
        var pageCount = format == ImageFormat.Tiff ? CountTiffPages(data, options.MaxPages + 1) : 1;
        if (pageCount == 0)
        {
            throw new UnreadableDocumentException(NotReadable(format, "its header could not be read"));
        }

        PagePixelLimit.EnsurePageCountWithin(pageCount, options);
        for (var page = 1; page <= pageCount; page++)
        {
            var (width, height) = ReadDimensions(data, format, page);
            PagePixelLimit.EnsureWithin(page, width, height, options);
        }

        return await pool.RecognizeDocumentAsync(
            [.. Enumerable.Range(1, pageCount)],
            (page, _) => ValueTask.FromResult(Decode(data, format, page, options)),
            createSearchablePdf,
            tempDirectory,
            cancellationToken);
    }

    /// <summary>
    /// Decodes an image already known to be one page (e.g. a rendered PDF page) and checks its size.
    /// <paramref name="resolution"/>, when given, is recorded on the image (what it was rendered at).
    /// </summary>
    /// <exception cref="UnreadableDocumentException">The image cannot be decoded or is over the pixel limit.</exception>
    internal static PixHandle DecodeSinglePage(ReadOnlySpan<byte> data, int pageNumber, OcrOptions options, int? resolution = null)
    {
        if (LeptonicaNative.pixReadHeaderMem(data, (nuint)data.Length, out _, out var width, out var height, out _, out _, out _) != 0)
        {
            throw new UnreadableDocumentException($"Page {pageNumber} could not be decoded as an image.");
        }

        PagePixelLimit.EnsureWithin(pageNumber, width, height, options);
        var pix = Prepare(LeptonicaNative.pixReadMem(data, (nuint)data.Length), pageNumber, options);
        if (resolution is { } dpi)
        {
            _ = LeptonicaNative.pixSetResolution(pix, dpi, dpi);
        }

        return pix;
    }

    /// <summary>How many pages a TIFF has, counting no further than <paramref name="stopAt"/> (0 when its header is unreadable).</summary>
    internal static int CountTiffPages(byte[] data, int stopAt)
    {
        var count = 0;
        while (count < stopAt
            && LeptonicaNative.readHeaderMemTiff(data, (nuint)data.Length, count, out _, out _, out _, out _, out _, out _, out _) == 0)
        {
            count++;
        }

        return count;
    }

    /// <summary>A page's size from the file's header, before anything is decoded.</summary>
    /// <exception cref="UnreadableDocumentException">The header cannot be read.</exception>
    internal static (int Width, int Height) ReadDimensions(byte[] data, ImageFormat format, int page)
    {
        int width, height, status;
        if (format == ImageFormat.Tiff)
        {
            status = LeptonicaNative.readHeaderMemTiff(data, (nuint)data.Length, page - 1, out width, out height, out _, out _, out _, out _, out _);
        }
        else
        {
            status = LeptonicaNative.pixReadHeaderMem(data, (nuint)data.Length, out _, out width, out height, out _, out _, out _);
        }

        if (status != 0 || width <= 0 || height <= 0)
        {
            throw new UnreadableDocumentException(NotReadable(format, $"the header of page {page} could not be read"));
        }

        return (width, height);
    }

    /// <summary>Decodes one page, checks its real size against the limit and brings odd bit depths to 8-bit grey.</summary>
    /// <exception cref="UnreadableDocumentException">The page cannot be decoded or is over the pixel limit.</exception>
    internal static PixHandle Decode(byte[] data, ImageFormat format, int page, OcrOptions options)
    {
        var pix = format == ImageFormat.Tiff
            ? LeptonicaNative.pixReadMemTiff(data, (nuint)data.Length, page - 1)
            : LeptonicaNative.pixReadMem(data, (nuint)data.Length);
        if (pix.IsInvalid)
        {
            pix.Dispose();
            throw new UnreadableDocumentException(NotReadable(format, $"page {page} could not be decoded"));
        }

        return Prepare(pix, page, options);
    }

    private static PixHandle Prepare(PixHandle pix, int page, OcrOptions options)
    {
        if (pix.IsInvalid)
        {
            pix.Dispose();
            throw new UnreadableDocumentException($"Page {page} could not be decoded as an image.");
        }

        try
        {
            // The header is trusted only as far as it goes: check what was really decoded.
            PagePixelLimit.EnsureWithin(page, LeptonicaNative.pixGetWidth(pix), LeptonicaNative.pixGetHeight(pix), options);
            var depth = LeptonicaNative.pixGetDepth(pix);
            if (depth is 1 or 8 or 24 or 32)
            {
                return pix;
            }

            // Tesseract takes 1, 8, 24 and 32 bits per pixel; 2-, 4- and 16-bit scans are brought to 8-bit grey.
            var converted = LeptonicaNative.pixConvertTo8(pix, 0);
            pix.Dispose();
            if (converted.IsInvalid)
            {
                converted.Dispose();
                throw new UnreadableDocumentException($"Page {page} has {depth} bits per pixel and could not be converted for recognition.");
            }

            return converted;
        }
        catch
        {
            pix.Dispose();
            throw;
        }
    }

    private static string NotReadable(ImageFormat format, string detail) =>
        $"The file is not a readable {format.ToString().ToUpperInvariant()} image: {detail}.";
}
