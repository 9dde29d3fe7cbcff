using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Capture.Classifier.Ocr;

/// <summary>
/// Collects the one-page searchable PDFs that the engines write as they recognise a document's pages (in parallel, on
/// different engines) in a temporary folder, and joins them in page order.
/// </summary>
internal sealed class SearchablePdfPages : IDisposable
{
    private readonly string directory;

    /// <param name="tempDirectory">Where to create the temporary folder; null uses the system temp folder.</param>
    /// <exception cref="IOException">The temporary folder could not be created.</exception>
    public SearchablePdfPages(string? tempDirectory)
    {
        directory = Path.Combine(tempDirectory ?? Path.GetTempPath(), "capture-ocrpdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    /// <summary>The base name (without <c>.pdf</c>) Tesseract's PDF renderer writes a page to.</summary>
    public string OutputBase(int pageNumber) =>
        Path.Combine(directory, "page-" + pageNumber.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Joins the pages in the order given. Returns null with a reason when a page is missing, the pages together are
    /// larger than <paramref name="maxBytes"/> (checked on disk, before any is read) or they cannot be joined.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<(byte[]? Pdf, string? Problem)> JoinAsync(IReadOnlyList<int> pageNumbers, long maxBytes, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var number in pageNumbers)
        {
            var file = new FileInfo(OutputBase(number) + ".pdf");
            if (!file.Exists)
            {
                return (null, $"page {number} was not written by Tesseract's PDF renderer");
            }

            total += file.Length;
        }

        if (total > maxBytes)
        {
            return (null, string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"its {pageNumbers.Count} page(s) would make {total} bytes, above the limit of {maxBytes} bytes (Ocr:MaxSearchablePdfBytes)"));
        }

        var pages = new List<byte[]>(pageNumbers.Count);
        foreach (var number in pageNumbers)
        {
            pages.Add(await File.ReadAllBytesAsync(OutputBase(number) + ".pdf", cancellationToken));
        }

        if (pages.Count == 1)
        {
            return (pages[0], null);
        }

        try
        {
            return (PdfMerger.Merge(pages), null);
        }
        catch (PdfDocumentFormatException exception)
        {
            return (null, "the pages could not be joined: " + exception.Message);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless and must not hide the document's result or failure.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
