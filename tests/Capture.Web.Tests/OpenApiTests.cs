using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary>The OpenAPI document the app serves.</summary>
public sealed class OpenApiTests(WebServer server)
{
    [Fact]
    public async Task OpenApiDocument_ListsTheApiEndpointsAndNoPages()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var document = await clerk.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/cases/{registrationNumber}", paths);
        Assert.Contains("/api/cases/{registrationNumber}/status", paths);
        Assert.Contains("/api/cases/{registrationNumber}/assign", paths);
        Assert.DoesNotContain("/signin", paths);
        Assert.True(document.GetProperty("paths").GetProperty("/api/cases/{registrationNumber}/status").TryGetProperty("post", out _));
    }
}
