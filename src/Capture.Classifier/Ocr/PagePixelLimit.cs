using System.Globalization;
using Capture.Classifier.Extraction;

namespace Capture.Classifier.Ocr;

/// <summary>The per-page and per-document limits that keep a hostile or enormous scan from exhausting memory or time.</summary>
internal static class PagePixelLimit
{
    /// <exception cref="UnreadableDocumentException">The page has more pixels than allowed.</exception>
    public static void EnsureWithin(int pageNumber, long width, long height, OcrOptions options)
    {
        var pixels = width * height;
        if (pixels > options.MaxPixelsPerPage)
        {
            throw new UnreadableDocumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"Page {pageNumber} is {width}×{height} pixels ({Megapixels(pixels)} megapixels), above the limit of " +
                $"{Megapixels(options.MaxPixelsPerPage)} megapixels (Ocr:MaxPixelsPerPage)."));
        }
    }

    /// <exception cref="UnreadableDocumentException">The document has more pages than allowed.</exception>
    public static void EnsurePageCountWithin(int pageCount, OcrOptions options, string what = "pages")
    {
        if (pageCount > options.MaxPages)
        {
            throw new UnreadableDocumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"The document has {pageCount} {what}, above the limit of {options.MaxPages} pages (Ocr:MaxPages)."));
        }
    }

    private static string Megapixels(long pixels) =>
        (pixels / 1_000_000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
