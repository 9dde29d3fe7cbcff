using System.Security.Claims;
using Capture.Web.Captures;
using Capture.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Capture.Web.Api;

/// <summary><c>POST /api/captures</c>: a file (multipart field <c>file</c>) through the whole pipeline, answered as <c>capture import --json</c> answers.</summary>
internal static class CaptureApi
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/captures", CaptureAsync).RequireAuthorization(WebPolicies.ChangeCases).WithName("CaptureFile")
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Capture one uploaded file (multipart field 'file') as `capture import` does: it opens or joins a case, or is a duplicate, or is quarantined with its reason.");

    private static async Task<Results<Ok<CaptureResultView>, ProblemHttpResult>> CaptureAsync(
        HttpContext context, ICaptureIntake intake, IOptions<WebOptions> options, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        var tooLarge = $"The file is larger than Web:MaxUploadBytes ({limit} bytes).";
        if (context.Request.ContentLength > limit + (64 * 1024))
        {
            return TypedResults.Problem(tooLarge, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem("Send the file as multipart/form-data in a field named 'file'.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + (64 * 1024);
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit + (64 * 1024) }));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            return TypedResults.Problem(tooLarge, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return TypedResults.Problem("Send the file in a multipart field named 'file'; it was missing or empty.", statusCode: StatusCodes.Status400BadRequest);
        }

        var stream = file.OpenReadStream();
        await using (stream.ConfigureAwait(false))
        {
            return TypedResults.Ok(await intake.CaptureFileAsync(stream, Pages.OriginalDownload.SafeFileName(file.FileName), user.FindFirstValue(ClaimTypes.Name)!, cancellationToken).ConfigureAwait(false));
        }
    }
}
