
namespace Capture.Web.Pages;

/// <summary><c>/static/capture.css</c>, embedded in the assembly; the only file the sign-in page needs, so anyone may fetch it.</summary>
internal static class Stylesheet
{
    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Capture.Web.capture.css")
            ?? throw new InvalidOperationException("The stylesheet is not embedded in Capture.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/static/capture.css", (HttpContext context) =>
    {
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(Content.Value, "text/css; charset=utf-8");
    }).AllowAnonymous().ExcludeFromDescription();
}
