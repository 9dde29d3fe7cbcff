using Microsoft.Playwright;

namespace Capture.Web.Tests.Support;

/// <summary>
/// One headless Debian Chromium (<see cref="ExecutablePath"/>) driven by Playwright, shared by the tests of
/// <see cref="UsesChromium"/>. Playwright's own browser download is never used: <c>./test.sh</c> installs the
/// Debian package, and without it the tests fail saying so instead of skipping.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Headless as root in a container, and quiet: no calls home, which this machine's closed network refuses anyway.</summary>
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ExecutablePath}, which is not installed. " +
                "Run `scripts/ensure-debian-packages.sh test` (./test.sh does) or `apt-get install chromium`.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page on <paramref name="server"/>.</summary>
    public Task<BrowserPage> OpenAsync(WebServer server) => OpenAsync(server.BaseAddress);

    /// <summary>A fresh browser context (its own cookies) with a page on the service at <paramref name="baseAddress"/>.</summary>
    public async Task<BrowserPage> OpenAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        // Playwright waits 30 s by default; CI runs the test projects side by side on two cores, where a page can take longer.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);

        // Assertions (Expect) wait 5 s by default; what a test reads after a form's post it waits for with them.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        try
        {
            return new BrowserPage(context, await context.NewPageAsync(), baseAddress);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The tests that drive Chromium: one browser for all of them, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class UsesChromium : ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "browser";
}
