using Capture.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capture.Web.Tests.Browser;

/// <summary>A scanned letter's page previews load in the browser on its case page.</summary>
[Collection(UsesChromium.Name)]
public sealed class PagePreviewBrowserTests(WebServer server, ChromiumBrowser chromium)
{
    [Fact]
    public async Task CasePage_OfATwoPageScan_LoadsBothPagePreviews()
    {
        var registration = server.CaseOf(Samples.TwoPageScan);
        await using var browser = await chromium.OpenAsync(server);
        await browser.SignInAsync("clara");

        await browser.GoToAsync($"/cases/{registration}");
        var previews = browser.Page.Locator("section.communication ol.pages img");
        await Expect(previews).ToHaveCountAsync(2);
        foreach (var preview in await previews.AllAsync())
        {
            // Lazy images load as they come into view.
            await preview.ScrollIntoViewIfNeededAsync();
        }

        await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.Page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('ol.pages img')].every(img => img.complete && img.naturalWidth > 0)",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000 });
        var sizes = await previews.EvaluateAllAsync<int[][]>("images => images.map(img => [img.naturalWidth, img.naturalHeight])");
        await browser.Page.Locator("section.communication ol.pages").First.ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("case-scan-previews");

        Assert.All(sizes, size => Assert.Equal(1200, size[1]));
        await Expect(previews.Nth(1)).ToHaveAttributeAsync("alt", $"Page 2 of 2 of {Samples.TwoPageScan}");
        await Expect(browser.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Searchable PDF" })).ToHaveCountAsync(1);
        Assert.Empty(browser.RequestsElsewhere);
    }
}
