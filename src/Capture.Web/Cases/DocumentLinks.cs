using System.Globalization;
using Archive.Store.Documents;
using Capture.Web.Pages;

namespace Capture.Web.Cases;

/// <summary>
/// Where the web serves a document's files, relative to the server: the original as filed, the searchable PDF made from
/// a scan's OCR, and one preview image per page of a scan or PDF. Each needs a signed-in person who may read cases.
/// </summary>
/// <param name="Original">The original, always downloaded as an attachment.</param>
/// <param name="SearchablePdf">The searchable PDF (the page images with the recognised text as an invisible layer); null when the document has none.</param>
/// <param name="PagePreviews">A PNG of each page, at most <c>1200</c> pixels on its longer side; empty for e-mails and texts.</param>
public sealed record DocumentLinks(string Original, string? SearchablePdf, IReadOnlyList<string> PagePreviews)
{
    /// <summary>Media types whose pages can be previewed: PDF and the raster formats OCR reads.</summary>
    private static readonly HashSet<string> PagedMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/tiff", "image/png", "image/jpeg", "image/bmp", "image/gif", "image/webp",
    };

    /// <summary>The links of <paramref name="document"/>.</summary>
    public static DocumentLinks Of(DocumentRecord document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pages = HasPagePreviews(document) ? Enumerable.Range(1, document.PageCount).Select(page => PagePreview(document, page)).ToList() : [];
        return new DocumentLinks(
            DocumentPath(document) + "/original",
            document.SearchablePdfPath is null ? null : DocumentPath(document) + "/searchable.pdf",
            pages);
    }

    /// <summary>True for a scan or PDF with at least one page.</summary>
    public static bool HasPagePreviews(DocumentRecord document) =>
        document is { PageCount: > 0 } && PagedMediaTypes.Contains(document.MediaType);

    /// <summary>The preview of page <paramref name="pageNumber"/> (from 1).</summary>
    public static string PagePreview(DocumentRecord document, int pageNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{DocumentPath(document)}/pages/{pageNumber}.png");

    private static string DocumentPath(DocumentRecord document) =>
        Layout.CasePath(document.RegistrationNumber) + "/documents/" + Uri.EscapeDataString(document.Id);
}
