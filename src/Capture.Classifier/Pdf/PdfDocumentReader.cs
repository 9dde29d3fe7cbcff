using Capture.Classifier.Extraction;
using Capture.Classifier.Images;
using Capture.Classifier.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Capture.Classifier.Pdf;

/// <summary>
/// Reads a PDF page by page: the text layer where a page has one, and for scanned pages (no meaningful text) the
/// page rendered by poppler and recognised by Tesseract. Mixed documents mix both.
/// </summary>
internal sealed class PdfDocumentReader(ExtractionOptions options, OcrEnginePool pool)
{
    private const string PasswordProtected = "The PDF is password protected; ask the sender for an unprotected copy.";
    private const int MinimumRenderResolution = 100;
    private readonly PopplerPageRenderer renderer = new(options);

    /// <summary>Extracts the pages' text.</summary>
    /// <param name="data">The PDF's bytes.</param>
    /// <param name="path">The PDF on disk, when there is one; otherwise a temporary copy is written for rendering.</param>
    /// <param name="cancellationToken">Cancels reading and recognition.</param>
    /// <exception cref="UnreadableDocumentException">The PDF is encrypted, damaged, or a scanned page is over a limit.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<IReadOnlyList<ExtractedPage>> ReadAsync(byte[] data, string? path, CancellationToken cancellationToken) =>
        (await ReadDocumentAsync(data, path, createSearchablePdf: false, cancellationToken)).Pages;

    /// <summary>
    /// Extracts the pages' text and, when <paramref name="createSearchablePdf"/> is set and every page had to be
    /// recognised, makes a searchable PDF of it. A PDF with any text-layer page gets none: its original already
    /// carries text where it matters, and rendering and recognising its text pages too would cost OCR time for nothing.
    /// </summary>
    /// <exception cref="UnreadableDocumentException">The PDF is encrypted, damaged, or a scanned page is over a limit.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<PdfExtraction> ReadDocumentAsync(byte[] data, string? path, bool createSearchablePdf, CancellationToken cancellationToken)
    {
        var textLayer = ReadTextLayer(data, cancellationToken);
        var scanned = textLayer.Where(page => page.Text is null).ToList();
        var recognised = new Dictionary<int, OcrPageResult>();
        RecognizedDocument? document = null;
        if (scanned.Count > 0)
        {
            PagePixelLimit.EnsurePageCountWithin(scanned.Count, pool.Options, "pages without a text layer");
            var resolutions = scanned.ToDictionary(page => page.Number, page => RenderResolution(page));
            var bilevel = scanned.Where(page => page.Bilevel).Select(page => page.Number).ToHashSet();
            var temporaryCopy = path is null ? await WriteTemporaryCopyAsync(data, cancellationToken) : null;
            try
            {
                var pdfPath = path ?? temporaryCopy!;
                document = await pool.RecognizeDocumentAsync(
                    [.. resolutions.Keys],
                    async (number, token) =>
                    {
                        var png = await renderer.RenderAsync(pdfPath, number, resolutions[number], token);
                        var pix = ImageDocumentReader.DecodeSinglePage(png, number, pool.Options, resolutions[number]);
                        pix.BlackAndWhiteSource = bilevel.Contains(number);
                        return pix;
                    },
                    createSearchablePdf && scanned.Count == textLayer.Count,
                    options.TempDirectory,
                    cancellationToken);
                foreach (var result in document.Pages)
                {
                    recognised[result.PageNumber] = result;
                }
            }
            finally
            {
                if (temporaryCopy is not null)
                {
                    File.Delete(temporaryCopy);
                }
            }
        }

        IReadOnlyList<ExtractedPage> pages = [.. textLayer.Select(page => page.Text is not null
            ? new ExtractedPage(page.Number, page.Text, FromOcr: false, Confidence: null)
            : recognised[page.Number].ToExtractedPage())];
        return new PdfExtraction(pages, document?.SearchablePdf, document?.SearchablePdfProblem);
    }

    private List<TextLayerPage> ReadTextLayer(byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            using var document = PdfDocument.Open(data, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = new List<TextLayerPage>(document.NumberOfPages);
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(ReadPage(document, number));
            }

            if (pages.Count == 0)
            {
                throw new UnreadableDocumentException("The PDF is damaged and cannot be read: it has no pages.");
            }

            return pages;
        }
        catch (PdfDocumentEncryptedException exception)
        {
            throw new UnreadableDocumentException(PasswordProtected, exception);
        }
        catch (Exception exception) when (IsParserFailure(exception))
        {
            throw new UnreadableDocumentException($"The PDF is damaged and cannot be read: {ShortDetail(exception)}", exception);
        }
    }

    private TextLayerPage ReadPage(PdfDocument document, int number)
    {
        var page = document.GetPage(number);
        string? text;
        try
        {
            text = ContentOrderTextExtractor.GetText(page);
        }
        catch (Exception exception) when (IsParserFailure(exception))
        {
            // A page whose content stream PdfPig cannot interpret may still render: recognise it instead.
            text = null;
        }

        // A scan has an image and at most a few stray characters (a stamp, a page number); a born-digital page with
        // only a short line of text and no image is still a text page. Text drawn as curves has neither.
        var letters = text?.Count(char.IsLetter) ?? 0;
        var isScan = letters == 0 || (letters < options.MinTextLayerLetters && HasImages(page));
        return new TextLayerPage(number, isScan ? null : text!.Trim(), page.Width, page.Height, isScan && IsBilevelScan(page));
    }

    /// <summary>
    /// True when every image on the page is black and white (a fax, CCITT or JBIG2 scan). Such a page is still
    /// rendered and recognised in grey (deskewing grey is kinder to the letters), but its searchable copy embeds a
    /// 1-bit image: a grey one would make the copy dozens of times larger than the original.
    /// </summary>
    private static bool IsBilevelScan(Page page)
    {
        try
        {
            var images = page.GetImages().ToList();
            return images.Count > 0 && images.All(image => image.IsImageMask || image.BitsPerComponent == 1);
        }
        catch (Exception exception) when (IsParserFailure(exception))
        {
            return false;
        }
    }

    private static bool HasImages(Page page)
    {
        try
        {
            return page.GetImages().Any();
        }
        catch (Exception exception) when (IsParserFailure(exception))
        {
            return true;
        }
    }

    private int RenderResolution(TextLayerPage page)
    {
        // Page sizes are in points (1/72 inch). A poster-sized page is rendered coarser rather than refused, as long
        // as the text stays legible (the recognition size bounds Tesseract's memory); below that the page is over the
        // pixel limit.
        var resolution = options.PdfRenderResolution;
        var maxPixels = (double)Math.Min(pool.Options.MaxPixelsPerPage, pool.Options.MaxRecognitionPixels);
        var pixelsAtResolution = PixelCount(page, resolution);
        if (pixelsAtResolution > maxPixels)
        {
            resolution = (int)Math.Floor(resolution * Math.Sqrt(maxPixels / pixelsAtResolution));
        }

        if (resolution < MinimumRenderResolution)
        {
            var width = (long)Math.Ceiling(page.Width / 72 * options.PdfRenderResolution);
            var height = (long)Math.Ceiling(page.Height / 72 * options.PdfRenderResolution);
            PagePixelLimit.EnsureWithin(page.Number, width, height, pool.Options);
        }

        return resolution;
    }

    private static double PixelCount(TextLayerPage page, int resolution) =>
        Math.Ceiling(page.Width / 72 * resolution) * Math.Ceiling(page.Height / 72 * resolution);

    private async Task<string> WriteTemporaryCopyAsync(byte[] data, CancellationToken cancellationToken)
    {
        var directory = options.TempDirectory ?? Path.GetTempPath();
        var path = Path.Combine(directory, "capture-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, data, cancellationToken);
        return path;
    }

    private static bool IsParserFailure(Exception exception) =>
        exception is not (OperationCanceledException or UnreadableDocumentException or OutOfMemoryException);

    private static string ShortDetail(Exception exception)
    {
        var message = exception.Message.ReplaceLineEndings(" ").Trim();
        if (message.Length > 200)
        {
            message = message[..200] + "…";
        }

        return message.EndsWith('.') ? message : message + ".";
    }

    private sealed record TextLayerPage(int Number, string? Text, double Width, double Height, bool Bilevel);
}

/// <summary>A PDF's pages and, for a fully scanned PDF, its searchable copy.</summary>
/// <param name="Pages">The pages in order.</param>
/// <param name="SearchablePdf">The searchable PDF, or null.</param>
/// <param name="SearchablePdfProblem">Why a searchable PDF that was asked for could not be made, or null.</param>
internal sealed record PdfExtraction(IReadOnlyList<ExtractedPage> Pages, byte[]? SearchablePdf, string? SearchablePdfProblem);
