using System.Text;
using Archive.Store.Documents;

namespace Capture.Web.Pages;

/// <summary>
/// <c>/cases/{reg}/documents/{id}/original</c>: the original as filed, always as an attachment (never shown in the
/// browser, where an HTML or SVG original could run script), with its stored media type and a safe file name; and
/// <c>/cases/{reg}/documents/{id}/searchable.pdf</c>: the searchable PDF made from a scan's OCR, as an attachment too.
/// </summary>
internal static class OriginalDownload
{
    private const string SearchablePdfSuffix = ".searchable.pdf";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/cases/{registrationNumber}/documents/{documentId}/original", Download).RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();
        app.MapGet("/cases/{registrationNumber}/documents/{documentId}/searchable.pdf", DownloadSearchablePdf).RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();
    }

    /// <summary>The document <paramref name="documentId"/> of case <paramref name="registrationNumber"/>; null when the case has no such document.</summary>
    internal static DocumentRecord? Find(ArchiveStore store, string registrationNumber, string documentId)
    {
        var record = store.FindCase(registrationNumber);
        return record is null ? null : store.GetDocuments(record.Id).FirstOrDefault(d => d.Id == documentId);
    }

    private static IResult Download(ArchiveStore store, string registrationNumber, string documentId)
    {
        if (Find(store, registrationNumber, documentId) is not { } document)
        {
            return Results.NotFound();
        }

        var path = store.ResolvePath(document.ArchivePath);
        return Results.File(path, document.MediaType is { Length: > 0 } type ? type : "application/octet-stream", SafeFileName(document.OriginalFileName));
    }

    private static IResult DownloadSearchablePdf(ArchiveStore store, string registrationNumber, string documentId)
    {
        if (Find(store, registrationNumber, documentId) is not { SearchablePdfPath: { } searchable } document)
        {
            return Results.NotFound();
        }

        var path = store.ResolvePath(searchable);
        if (!File.Exists(path))
        {
            // Derived and rebuildable, but its loss is worth saying rather than a bare 404: the original is still there.
            return Results.Problem($"The searchable PDF of {document.OriginalFileName} is missing from the archive; the original can still be downloaded.", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.File(path, "application/pdf", Path.GetFileNameWithoutExtension(SafeFileName(document.OriginalFileName)) + SearchablePdfSuffix);
    }

    /// <summary>The file name without folders, quotes or control characters; <c>original</c> when nothing is left.</summary>
    internal static string SafeFileName(string? name)
    {
        var leaf = (name ?? "").Replace('\\', '/');
        leaf = leaf[(leaf.LastIndexOf('/') + 1)..];
        var safe = new StringBuilder(leaf.Length);
        foreach (var c in leaf)
        {
            safe.Append(char.IsControl(c) || c is '"' or ';' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c);
        }

        var result = safe.ToString().Trim().TrimStart('.');
        return result.Length == 0 ? "original" : result[..Math.Min(result.Length, 150)];
    }
}
