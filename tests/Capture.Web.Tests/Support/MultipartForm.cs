using System.Net.Http.Headers;

namespace Capture.Web.Tests.Support;

/// <summary>A multipart/form-data post as a browser sends it: text fields, then files with the names they had on the sender's disk.</summary>
internal static class MultipartForm
{
    public static async Task<HttpResponseMessage> PostAsync(WebSession session, string path, IReadOnlyDictionary<string, string> fields, params (string Field, string FileName, byte[] Content, string MediaType)[] files)
    {
        using var content = new MultipartFormDataContent();
#pragma warning disable CA2000 // The multipart content owns its parts and disposes them with itself.
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes, mediaType) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            content.Add(part, field, fileName);
        }
#pragma warning restore CA2000

        return await session.Client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }
}
