using System.Collections.Concurrent;
using Capture.Testing;
using Microsoft.Playwright;

namespace Capture.Web.Tests.Support;

/// <summary>
/// A page in a browser context of its own, which records every request the browser makes (any page, any resource),
/// so a test can prove nothing left for another host.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Uri _baseAddress;

    internal BrowserPage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        _baseAddress = baseAddress;
        Page = page;
        _context.Request += (_, request) => _requests.Enqueue(request.Url);
    }

    public IPage Page { get; }

    /// <summary>Every URL the browser requested so far.</summary>
    public IReadOnlyCollection<string> Requests => [.. _requests];

    /// <summary>The requested URLs that were not for the server under test.</summary>
    public IReadOnlyList<string> RequestsElsewhere => [.. _requests.Where(url => !url.StartsWith(_baseAddress.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal))];

    /// <summary>Opens a path of the server and returns the final response's status (after redirects).</summary>
    public async Task<int> GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"no response for {path}");
        return response.Status;
    }

    /// <summary>Signs in through the sign-in form as <paramref name="login"/> and waits for the search page.</summary>
    public async Task SignInAsync(string login)
    {
        await GoToAsync("/signin");
        await Page.GetByLabel("Login").FillAsync(login);
        await Page.GetByLabel("Password").FillAsync(WebServer.PasswordOf(login));
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync("**/search", AfterFormPost);
    }

    /// <summary>Presses the search page's Search button and waits for the results.</summary>
    public async Task SearchAsync()
    {
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search" }).ClickAsync();
        await Page.WaitForURLAsync("**/search?**", AfterFormPost);
    }

    /// <summary>
    /// Waiting for the page a form leads to: until the browser has its address and answer (the navigation is
    /// committed), up to a minute. Its load events are not waited for: under load both "load" and "DOMContentLoaded"
    /// were missed (a sign-in and a reply timed out on them although the next page was there); what a test then reads
    /// it waits for itself, with assertions that retry.
    /// </summary>
    public static PageWaitForURLOptions AfterFormPost => new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 };

    /// <summary>Saves a full-page PNG as <c>artifacts/screenshots/NAME.png</c> in the repository and says where in the test log.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.SendDiagnosticMessage("Screenshot: {0}", path);
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
