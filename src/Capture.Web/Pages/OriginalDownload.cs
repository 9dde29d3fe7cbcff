using System.Text;

namespace Capture.Web.Pages;

/// <summary>
/// <c>/cases/{reg}/documents/{id}/original</c>: the original as filed, always as an attachment (never shown in the
/// browser, where an HTML or SVG original could run script), with its stored media type and a safe file name.
/// </summary>
internal static class OriginalDownload
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/cases/{registrationNumber}/documents/{documentId}/original", Download).RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();

    private static IResult Download(ArchiveStore store, string registrationNumber, string documentId)
    {
        var record = store.FindCase(registrationNumber);
        var document = record is null ? null : store.GetDocuments(record.Id).FirstOrDefault(d => d.Id == documentId);
        if (document is null)
        {
            return Results.NotFound();
        }

        var path = store.ResolvePath(document.ArchivePath);
        return Results.File(path, document.MediaType is { Length: > 0 } type ? type : "application/octet-stream", SafeFileName(document.OriginalFileName));
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
