using System.Net;
using System.Text.Json;
using Capture.Testing;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary><c>POST /api/captures</c>: a file through the whole pipeline, answered in the JSON of <c>capture import --json</c>.</summary>
public sealed class CaptureApiTests(WebServer server)
{
    private const string Sample = "en-suggestion-webform.txt";

    [Fact]
    public async Task Upload_AsAHandler_OpensACaseAndAnswersAsImportJson_AndTheSameFileAgainIsADuplicate()
    {
        using var hanna = await WebSession.SignedInAsync(server, "hanna");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Samples, "inbox", Sample), TestContext.Current.CancellationToken);

        var first = await UploadAsync(hanna, "C:\\scans\\..\\" + Sample, bytes, HttpStatusCode.OK);
        var again = await UploadAsync(hanna, Sample, bytes, HttpStatusCode.OK);

        Assert.Equal("opened", first.GetProperty("outcome").GetString());
        Assert.Equal(Sample, first.GetProperty("source").GetString());
        var registration = first.GetProperty("registrationNumber").GetString()!;
        Assert.Equal("suggestion", first.GetProperty("category").GetString());
        Assert.Equal("en", first.GetProperty("language").GetString());
        foreach (var field in new[] { "confidence", "contact", "references", "dates", "letterDate", "address", "amounts", "findings", "archivePath", "pages", "ocr", "ocrConfidence", "needsReview", "reason" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal("duplicate", again.GetProperty("outcome").GetString());
        Assert.Equal(registration, again.GetProperty("registrationNumber").GetString());
        var view = await hanna.GetJsonAsync($"/api/cases/{registration}");
        Assert.Equal(Sample, Assert.Single(view.GetProperty("documents").EnumerateArray()).GetProperty("fileName").GetString());
        var found = await hanna.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString($"reg:{registration}"));
        Assert.Single(found.GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task Upload_AsAClerk_Gets403()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        await UploadAsync(clerk, "letter.txt", "Dear team, thank you."u8.ToArray(), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Upload_WithoutAFile_Gets400SayingWhichFieldToUse()
    {
        using var hanna = await WebSession.SignedInAsync(server, "hanna");

        using var response = await MultipartForm.PostAsync(hanna, "/api/captures", new Dictionary<string, string> { ["note"] = "nothing" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'file'", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheUploadAndTheReply()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var paths = (await clerk.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/captures").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(paths.GetProperty("/api/cases/{registrationNumber}/replies").TryGetProperty("post", out _));
    }

    private static async Task<JsonElement> UploadAsync(WebSession session, string fileName, byte[] bytes, HttpStatusCode expected)
    {
        using var response = await MultipartForm.PostAsync(session, "/api/captures", new Dictionary<string, string>(), ("file", fileName, bytes, "text/plain"));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"POST /api/captures: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
