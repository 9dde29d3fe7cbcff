using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Capture.Web.Tests.Support;

/// <summary>A browser-like client of the server: its own cookies, no automatic redirects, forms posted with their anti-forgery field.</summary>
public sealed partial class WebSession : IDisposable
{
    private readonly HttpClientHandler _handler;

    public WebSession(WebServer server)
        : this(server.BaseAddress)
    {
    }

    public WebSession(Uri baseAddress)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        Client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress };
        BaseAddress = baseAddress;
    }

    public HttpClient Client { get; }

    public Uri BaseAddress { get; }

    public CookieCollection Cookies => _handler.CookieContainer.GetCookies(BaseAddress);

    /// <summary>A session signed in as <paramref name="login"/> with their password.</summary>
    public static Task<WebSession> SignedInAsync(WebServer server, string login) => SignedInAsync(server.BaseAddress, login);

    /// <summary>A session of the server at <paramref name="baseAddress"/> signed in as <paramref name="login"/> with their password.</summary>
    public static async Task<WebSession> SignedInAsync(Uri baseAddress, string login)
    {
        var session = new WebSession(baseAddress);
        try
        {
            using var response = await session.SignInAsync(login, WebServer.PasswordOf(login));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {login}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Fills in and posts the sign-in form.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string login, string password)
    {
        var token = await FormTokenAsync("/signin");
        return await PostFormAsync("/signin", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["login"] = login, ["password"] = password, ["returnUrl"] = "/search" });
    }

    /// <summary>The anti-forgery field of the first form on a page.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var page = await GetStringAsync(path);
        return TokenField().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"no anti-forgery field on {path}: {page}");
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public async Task<HttpStatusCode> StatusOfAsync(string path)
    {
        using var response = await GetAsync(path);
        return response.StatusCode;
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await GetAsync(path);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<HttpResponseMessage> PostJsonAsync<T>(string path, T body) =>
        Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);

    /// <summary>Posts JSON, asserts 200 and returns the answer.</summary>
    public async Task<JsonElement> PostJsonForOkAsync<T>(string path, T body)
    {
        using var response = await PostJsonAsync(path, body);
        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {answer}");
        return JsonDocument.Parse(answer).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"", RegexOptions.None, 1000)]
    private static partial Regex TokenField();
}
