using Capture.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Capture.Web.Tests.Browser;

/// <summary>A captured e-mail's HTML is shown as text: nothing in it runs, loads or submits in the browser.</summary>
[Collection(UsesChromium.Name)]
public sealed class HostileMailBrowserTests(WebServer server, ChromiumBrowser chromium)
{
    [Fact]
    public async Task CasePage_WithAHostileHtmlMail_ShowsItsTextWithoutRunningScriptOrLoadingRemoteContent()
    {
        var registration = server.CaseOf(HostileHtmlMail.FileName);
        await using var browser = await chromium.OpenAsync(server);
        await browser.SignInAsync("sonia");

        await browser.GoToAsync($"/cases/{registration}");
        await browser.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        var text = browser.Page.Locator("section.communication pre.text");
        await Expect(text.First).ToContainTextAsync(HostileHtmlMail.Word);
        await Expect(text.First).ToContainTextAsync(HostileHtmlMail.ScriptAsText);
        await browser.ScreenshotAsync("case-hostile-mail");
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), "a script of the mail ran");
        Assert.StartsWith(registration, await browser.Page.TitleAsync(), StringComparison.Ordinal);
        var main = browser.Page.Locator("main");
        await Expect(main.Locator("img, iframe, script, object, embed")).ToHaveCountAsync(0);
        await Expect(main.Locator($"form[action*='{HostileHtmlMail.RemoteHost}']")).ToHaveCountAsync(0);
        Assert.Empty(browser.RequestsElsewhere);
        Assert.DoesNotContain(browser.Requests, url => url.Contains(HostileHtmlMail.RemoteHost, StringComparison.Ordinal));
    }
}
