using Archive.Store;
using Capture.Web.Cases;
using Capture.Web.Previews;
using Capture.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Capture.Web.Pages;

/// <summary>
/// <c>/cases/{reg}/documents/{id}/pages/{n}.png</c>: a PNG of page n of a scan or PDF, at most
/// <see cref="PagePreviewCache.MaxSide"/> pixels on its longer side, drawn on first request and kept (see
/// <see cref="PagePreviewCache"/>). The browser may keep it privately for a day and revalidate it by its ETag: a page
/// of an immutable original never changes.
/// </summary>
internal static partial class PagePreviewEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/cases/{registrationNumber}/documents/{documentId}/pages/{pageNumber:int}.png", ShowAsync)
            .RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();

    private static async Task<IResult> ShowAsync(
        HttpContext context, ArchiveStore store, PagePreviewCache previews, ILoggerFactory loggers, string registrationNumber, string documentId, int pageNumber)
    {
        var document = OriginalDownload.Find(store, registrationNumber, documentId);
        if (document is null || !DocumentLinks.HasPagePreviews(document) || pageNumber < 1 || pageNumber > document.PageCount)
        {
            return Results.NotFound();
        }

        string path;
        try
        {
            path = await previews.GetAsync(document, pageNumber, context.RequestAborted).ConfigureAwait(false);
        }
        catch (PagePreviewUnavailableException exception)
        {
            LogNoPreview(loggers.CreateLogger(typeof(PagePreviewEndpoint)), pageNumber, document.Id, document.RegistrationNumber, exception.Message);
            return Results.Problem($"Page {pageNumber} of {document.OriginalFileName} cannot be previewed: {exception.Message} The original can still be downloaded.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        context.Response.Headers.CacheControl = "private, max-age=86400";
        var tag = new EntityTagHeaderValue($"\"{document.Sha256[..Math.Min(16, document.Sha256.Length)]}-{pageNumber}-{PagePreviewCache.MaxSide}\"");
        return Results.File(path, "image/png", lastModified: null, entityTag: tag);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No preview of page {PageNumber} of document {DocumentId} of {RegistrationNumber}: {Reason}")]
    private static partial void LogNoPreview(ILogger logger, int pageNumber, string documentId, string registrationNumber, string reason);
}
