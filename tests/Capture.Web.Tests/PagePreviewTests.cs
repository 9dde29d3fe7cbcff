using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Capture.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Capture.Web.Tests;

/// <summary>
/// A scan's and a PDF's page previews and a scan's searchable PDF, served to people who may read cases, to no one
/// else, and only for the document and pages that exist.
/// </summary>
public sealed class PagePreviewTests(WebServer server)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task PagePreviews_OfATwoPageScan_AreTwoPngsOfThePagesWithin1200Pixels()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var document = await ScanOfAsync(clerk, Samples.TwoPageScan);

        var previews = document.GetProperty("links").GetProperty("pagePreviews").EnumerateArray().Select(p => p.GetString()!).ToList();

        Assert.Equal(2, previews.Count);
        foreach (var preview in previews)
        {
            using var response = await clerk.GetAsync(preview);
            var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl is { Private: true, MaxAge.TotalHours: 24 }, $"Cache-Control: {response.Headers.CacheControl}");
            Assert.NotNull(response.Headers.ETag);
            var (width, height) = PngSize(png);
            // An A4 page scanned at 2480 × 3508 pixels, scaled to fit 1200 pixels.
            Assert.Equal(1200, height);
            Assert.InRange(width, 840, 856);
        }
    }

    [Fact]
    public async Task PagePreview_AskedAgainWithItsETag_IsNotModified()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var preview = (await ScanOfAsync(clerk, Samples.TwoPageScan)).GetProperty("links").GetProperty("pagePreviews")[0].GetString()!;
        using var first = await clerk.GetAsync(preview);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(preview, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await clerk.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task PagePreview_OfAScannedPdf_IsAPngDrawnByPdftoppm()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var document = await ScanOfAsync(clerk, Samples.ScannedPdf);
        var previews = document.GetProperty("links").GetProperty("pagePreviews").EnumerateArray().Select(p => p.GetString()!).ToList();

        using var response = await clerk.GetAsync(Assert.Single(previews));
        var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var (width, height) = PngSize(png);
        Assert.Equal(1200, Math.Max(width, height));
        Assert.InRange(Math.Min(width, height), 800, 900);
    }

    [Fact]
    public async Task SearchablePdf_OfATwoPageScan_CarriesEachPagesRecognisedText()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var link = (await ScanOfAsync(clerk, Samples.TwoPageScan)).GetProperty("links").GetProperty("searchablePdf").GetString()!;

        using var response = await clerk.GetAsync(link);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hu-complaint-coffee-machine-2pages.searchable.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(2, pdf.NumberOfPages);
        var first = string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text));
        var second = string.Join(' ', pdf.GetPage(2).GetWords().Select(w => w.Text));
        Assert.Contains("R-2026-01455", first, StringComparison.Ordinal);
        Assert.Contains("Debrecen", first, StringComparison.Ordinal);
        Assert.Contains("SZ-2026/1310", second, StringComparison.Ordinal);
        Assert.Contains("Tisztelettel", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_OfAScan_ShowsLazyPreviewsWithAltTextAndLinksToBothPdfAndOriginal()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var registration = server.CaseOf(Samples.TwoPageScan);
        var links = (await ScanOfAsync(clerk, Samples.TwoPageScan)).GetProperty("links");

        var page = await clerk.GetStringAsync($"/cases/{registration}");

        Assert.Contains($"""<img src="{links.GetProperty("pagePreviews")[0].GetString()}" loading="lazy" """, page, StringComparison.Ordinal);
        Assert.Contains("""alt="Page 2 of 2 of hu-complaint-coffee-machine-2pages.tif">""", page, StringComparison.Ordinal);
        Assert.Contains($"""<a class="searchable" href="{links.GetProperty("searchablePdf").GetString()}">""", page, StringComparison.Ordinal);
        Assert.Contains($"""<a class="original" href="{links.GetProperty("original").GetString()}">""", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewsAndSearchablePdf_ForAnonymousPeople_AreNeverServed()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var links = (await ScanOfAsync(clerk, Samples.TwoPageScan)).GetProperty("links");
        using var anonymous = new WebSession(server);

        foreach (var path in new[] { links.GetProperty("pagePreviews")[0].GetString()!, links.GetProperty("searchablePdf").GetString()! })
        {
            using var response = await anonymous.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
            Assert.False(body.AsSpan().StartsWith(PngSignature), $"{path} sent a PNG to an anonymous person");
            Assert.False(body.AsSpan().StartsWith("%PDF"u8), $"{path} sent a PDF to an anonymous person");
        }
    }

    [Fact]
    public async Task PreviewsAndSearchablePdf_OfAPageOrDocumentThatIsNotThere_Give404()
    {
        using var clerk = await WebSession.SignedInAsync(server, "clara");
        var scanCase = server.CaseOf(Samples.TwoPageScan);
        var scan = await ScanOfAsync(clerk, Samples.TwoPageScan);
        var scanId = scan.GetProperty("id").GetString()!;
        var mailCase = server.CaseOf(Samples.HannasKettle);
        var mailId = (await clerk.GetJsonAsync($"/api/cases/{mailCase}")).GetProperty("documents")[0].GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{scanCase}/documents/{scanId}/pages/3.png"));
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{scanCase}/documents/{scanId}/pages/0.png"));
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{scanCase}/documents/{scanId}/pages/-1.png"));
        // Another case's document through this case, and this case's document through another.
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{mailCase}/documents/{scanId}/pages/1.png"));
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{mailCase}/documents/{scanId}/searchable.pdf"));
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{scanCase}/documents/{mailId}/pages/1.png"));
        // An e-mail has no pages to preview and no searchable PDF.
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{mailCase}/documents/{mailId}/pages/1.png"));
        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{mailCase}/documents/{mailId}/searchable.pdf"));
        foreach (var tampered in new[] { "..%2F..%2Fdatabase.db", "%2E%2E", scanId + "x", scanId[..^1] })
        {
            Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{scanCase}/documents/{tampered}/pages/1.png"));
            Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/{scanCase}/documents/{tampered}/searchable.pdf"));
        }

        Assert.Equal(HttpStatusCode.NotFound, await clerk.StatusOfAsync($"/cases/C-1999-999999/documents/{scanId}/pages/1.png"));
    }

    /// <summary>The scanned document of the case a sample opened, as <c>GET /api/cases/{reg}</c> describes it.</summary>
    private async Task<JsonElement> ScanOfAsync(WebSession session, string sample)
    {
        var view = await session.GetJsonAsync($"/api/cases/{server.CaseOf(sample)}");
        return view.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("fileName").GetString() == sample);
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(PngSignature), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
