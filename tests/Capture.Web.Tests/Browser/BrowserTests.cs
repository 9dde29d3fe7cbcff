using System.Text.RegularExpressions;
using Capture.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capture.Web.Tests.Browser;

/// <summary>The pages in a real Chromium: sign-in, search with filters, the case page, its buttons and who sees them.</summary>
[Collection(UsesChromium.Name)]
public sealed class BrowserTests(WebServer server, ChromiumBrowser chromium)
{
    [Fact]
    public async Task SignIn_ThenSearch_ShowsResultsWithHighlightedSnippets()
    {
        await using var browser = await chromium.OpenAsync(server);
        await browser.GoToAsync("/signin");
        await browser.ScreenshotAsync("signin");

        await browser.SignInAsync("clara");
        await browser.Page.GetByLabel("Query").FillAsync("kettle");
        await browser.SearchAsync();

        await Expect(browser.Page.Locator("p.summary")).ToContainTextAsync("cases match");
        var hit = browser.Page.Locator("ol.hits li").Filter(new LocatorFilterOptions { HasText = server.CaseOf(Samples.HannasKettle) });
        await Expect(hit.Locator("p.snippet mark").First).ToHaveTextAsync(new Regex("kettle", RegexOptions.IgnoreCase));
        await browser.ScreenshotAsync("search-results");
        Assert.Empty(browser.RequestsElsewhere);
    }

    [Fact]
    public async Task SearchFilters_NarrowTheResultsToTheChosenHandlerAndCategory()
    {
        await using var browser = await chromium.OpenAsync(server);
        await browser.SignInAsync("clara");

        await browser.Page.GetByLabel("Handler").FillAsync("hanna");
        await browser.Page.GetByLabel("Category").SelectOptionAsync("complaint");
        await browser.SearchAsync();

        await Expect(browser.Page.Locator("p.composed code")).ToHaveTextAsync("handler:\"hanna\" AND category:\"complaint\"");
        var hits = browser.Page.Locator("ol.hits li");
        await Expect(hits.Filter(new LocatorFilterOptions { HasText = server.CaseOf(Samples.HannasKettle) })).ToHaveCountAsync(1);
        foreach (var meta in await hits.Locator(".meta").AllTextContentsAsync())
        {
            Assert.Contains("hanna", meta, StringComparison.Ordinal);
            Assert.Contains("complaint", meta, StringComparison.Ordinal);
        }

        await Expect(browser.Page.GetByLabel("Handler")).ToHaveValueAsync("hanna");
        await browser.ScreenshotAsync("search-filtered");
    }

    [Fact]
    public async Task CasePage_TheHandlerChangesTheStatusWithAButton_AndSeesTheNewStatus()
    {
        var registration = server.CaseOf(Samples.HannasStatusInTheBrowser);
        await using var browser = await chromium.OpenAsync(server);
        await browser.SignInAsync("hanna");

        await browser.GoToAsync($"/cases/{registration}");
        await Expect(browser.Page.Locator("h1")).ToContainTextAsync(registration);
        await browser.ScreenshotAsync("case");
        await browser.Page.Locator("form.status").GetByLabel("Note").FillAsync("called the customer");
        await browser.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "pending-on-company", Exact = true }).ClickAsync();

        await Expect(browser.Page.Locator("dd.status")).ToHaveTextAsync("pending-on-company");
        Assert.EndsWith($"/cases/{registration}", browser.Page.Url, StringComparison.Ordinal);
        await Expect(browser.Page.Locator("table.history")).ToContainTextAsync("called the customer");
        await browser.ScreenshotAsync("case-after-status-change");
    }

    [Fact]
    public async Task CasePage_AClerkSeesNoChangeButtons_AndTheirPostIsRefused()
    {
        var registration = server.CaseOf(Samples.HannasKettle);
        await using var browser = await chromium.OpenAsync(server);
        await browser.SignInAsync("clara");

        await browser.GoToAsync($"/cases/{registration}");
        await Expect(browser.Page.Locator("dd.status")).ToBeVisibleAsync();
        foreach (var form in new[] { "form.status", "form.assign", "form.remind", "form.category", "form.contact" })
        {
            await Expect(browser.Page.Locator(form)).ToHaveCountAsync(0);
        }

        // The clerk's own session and a valid anti-forgery token (from the sign-out form), yet the change is refused.
        var token = await browser.Page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var response = await browser.Page.APIRequest.PostAsync($"/cases/{registration}/status", new APIRequestContextOptions
        {
            Form = FormOf(browser.Page.APIRequest, ("__RequestVerificationToken", token!), ("status", "closed")),
            MaxRedirects = 0,
        });
        Assert.Equal(403, response.Status);
        await browser.Page.ReloadAsync();
        await Expect(browser.Page.Locator("dd.status")).Not.ToHaveTextAsync("closed");
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndSeesNoArchiveData()
    {
        var registration = server.CaseOf(Samples.HannasKettle);
        await using var browser = await chromium.OpenAsync(server);

        await browser.GoToAsync($"/cases/{registration}");

        Assert.Contains("/signin", browser.Page.Url, StringComparison.Ordinal);
        await Expect(browser.Page.GetByLabel("Password")).ToBeVisibleAsync();
        var text = await browser.Page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(registration, text, StringComparison.Ordinal);
        Assert.DoesNotContain("kettle", text, StringComparison.OrdinalIgnoreCase);
        var api = await browser.Page.APIRequest.GetAsync("/api/search?q=kettle");
        Assert.Equal(401, api.Status);
        Assert.DoesNotContain("kettle", await api.TextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static IFormData FormOf(IAPIRequestContext requests, params (string Name, string Value)[] fields)
    {
        var form = requests.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
