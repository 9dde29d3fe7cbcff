using System.Net;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary>The server-rendered pages: security headers, the case page's buttons, its forms, and downloads of originals.</summary>
public sealed class PageTests(WebServer server)
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/search?q=kettle")]
    [InlineData("/api/search?q=kettle")]
    public async Task Responses_CarryTheSecurityHeaders(string path)
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        using var response = await clerk.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");

        var page = await supervisor.GetStringAsync($"/cases/{server.CaseOf(Samples.HannasKettle)}");

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" onclick=", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CasePage_ForItsHandler_ShowsTheAllowedMovesAsButtons()
    {
        using var hanna = await WebSession.SignedInAsync(server, "hanna");

        var page = await hanna.GetStringAsync($"/cases/{server.CaseOf(Samples.HannasKettle)}");

        Assert.Contains("""<button type="submit" name="status" value="pending-on-company">""", page, StringComparison.Ordinal);
        Assert.Contains("en-complaint-kettle.eml", page, StringComparison.Ordinal);
        Assert.DoesNotContain("""class="assign" """.Trim(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_ForAClerk_ShowsTheCaseWithoutButtons()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");

        var page = await clerk.GetStringAsync($"/cases/{server.CaseOf(Samples.HannasKettle)}");

        Assert.Contains(server.CaseOf(Samples.HannasKettle), page, StringComparison.Ordinal);
        Assert.Contains("hanna", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"status\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseForm_PostWithoutTheAntiforgeryToken_IsRefused()
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");
        var registration = server.CaseOf(Samples.UnassignedHotelThanks);

        using var response = await supervisor.PostFormAsync($"/cases/{registration}/status", new Dictionary<string, string> { ["status"] = "closed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("closed", (await supervisor.GetJsonAsync($"/api/cases/{registration}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CaseForm_WithTheToken_ChangesTheStatusAndReturnsToTheCase()
    {
        using var supervisor = await WebSession.SignedInAsync(server, "sonia");
        var registration = server.CaseOf(Samples.UnassignedHotelThanks);
        var token = await supervisor.FormTokenAsync($"/cases/{registration}");

        using var response = await supervisor.PostFormAsync($"/cases/{registration}/status", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["status"] = "pending-on-company",
            ["note"] = "<b>looking</b>",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{registration}", response.Headers.Location!.OriginalString);
        var page = await supervisor.GetStringAsync($"/cases/{registration}");
        Assert.Contains("pending-on-company", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;looking&lt;/b&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Original_IsDownloadedAsAnAttachmentWithItsMediaType()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var registration = server.CaseOf(Samples.HannasKettle);
        var document = (await clerk.GetJsonAsync($"/api/cases/{registration}")).GetProperty("documents")[0];

        using var response = await clerk.GetAsync($"/cases/{registration}/documents/{document.GetProperty("id").GetString()}/original");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("en-complaint-kettle.eml", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(document.GetProperty("mediaType").GetString(), response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(document.GetProperty("sizeBytes").GetInt64(), bytes.LongLength);
    }

    [Fact]
    public async Task Stylesheet_IsServedToAnyone()
    {
        using var anonymous = new WebSession(server);

        using var response = await anonymous.GetAsync("/static/capture.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
    }
}
