using System.Net;
using Capture.Web.Security;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary>Who gets in: anonymous people see only the sign-in page, wrong passwords are refused and then rate-limited.</summary>
public sealed class SignInTests(WebServer server)
{
    [Theory]
    [InlineData("/api/search?q=kettle")]
    [InlineData("/api/cases/C-2026-000001")]
    [InlineData("/openapi/v1.json")]
    public async Task Api_Anonymous_Gets401(string path)
    {
        using var anonymous = new WebSession(server);

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_AnonymousPost_Gets401()
    {
        using var anonymous = new WebSession(server);

        using var response = await anonymous.PostJsonAsync($"/api/cases/{server.CaseOf(Samples.HenryksWashingMachine)}/status", new { status = "closed" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=kettle")]
    [InlineData("/cases/C-2026-000001")]
    public async Task Pages_Anonymous_AreRedirectedToSignIn(string path)
    {
        using var anonymous = new WebSession(server);

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_Anonymous_IsShownWithItsForm()
    {
        using var anonymous = new WebSession(server);

        using var response = await anonymous.GetAsync("/signin");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("type=\"password\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPassword_GivesAnHttpOnlySameSiteStrictSessionCookie()
    {
        using var session = new WebSession(server);

        using var response = await session.SignInAsync("clara", WebServer.PasswordOf("clara"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("capture.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(session.Cookies["capture.antiforgery"]?.HttpOnly, "the anti-forgery cookie must be HttpOnly");
        Assert.Equal(HttpStatusCode.OK, await session.StatusOfAsync("/api/search?q=kettle"));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task SignIn_CookieKeys_AreKeptInTheArchive_InAFolderOnlyTheServicesUserCanOpen()
    {
        using var session = new WebSession(server);

        using var response = await session.SignInAsync("clara", WebServer.PasswordOf("clara"));
        var folder = Path.Combine(server.Store.RootDirectory, WebKeyRing.FolderName);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefusedWithoutASession()
    {
        using var session = new WebSession(server);

        using var response = await session.SignInAsync("hanna", "not her password");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The login or password is wrong", page, StringComparison.Ordinal);
        Assert.Null(session.Cookies["capture.session"]);
        Assert.Equal(HttpStatusCode.Unauthorized, await session.StatusOfAsync("/api/search?q=kettle"));
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_Get429EvenWithTheRightPasswordAfterwards()
    {
        using var session = new WebSession(server);
        for (var i = 0; i < WebServer.MaxFailedSignIns; i++)
        {
            using var refused = await session.SignInAsync("lockme", "guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await session.SignInAsync("lockme", "one more guess");
        using var right = await session.SignInAsync("lockme", WebServer.PasswordOf("lockme"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Null(session.Cookies["capture.session"]);
    }

    [Fact]
    public async Task SignIn_PostWithoutTheAntiforgeryToken_IsRefused()
    {
        using var session = new WebSession(server);

        using var response = await session.PostFormAsync("/signin", new Dictionary<string, string> { ["login"] = "clara", ["password"] = WebServer.PasswordOf("clara") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(session.Cookies["capture.session"]);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var session = await WebSession.SignedInAsync(server, "clara");
        var token = await session.FormTokenAsync("/search");

        using var response = await session.PostFormAsync("/signout", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await session.StatusOfAsync("/api/search?q=kettle"));
    }
}
