using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Capture.Worker.Tests.Support;

/// <summary>
/// A browser-like client of the web UI that <c>capture run</c> serves: its own cookies, no automatic redirects, the
/// sign-in form posted with its anti-forgery field. It keeps every cookie and anti-forgery token it was given, so a
/// test can look for them where they must not be.
/// </summary>
internal sealed partial class WebSignIn : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
    private readonly HttpClient _client;
    private readonly List<string> _tokens = [];

    public WebSignIn(Uri baseAddress) => _client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress };

    /// <summary>The values of the cookies and anti-forgery tokens the server gave this client.</summary>
    public IEnumerable<(string Name, string Value)> GivenSecrets =>
        _handler.CookieContainer.GetAllCookies().Select(c => ("cookie " + c.Name, c.Value))
            .Concat(_tokens.Select(t => ("anti-forgery token", t)));

    /// <summary>Waits until the web UI answers its sign-in page; fails the test when <paramref name="service"/> exits or it takes too long.</summary>
    public async Task WaitUntilServedAsync(CaptureService service, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            Assert.False(service.HasExited, "capture run exited early:\n" + service.Log);
            try
            {
                using var response = await _client.GetAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "the web UI did not answer in time:\n" + service.Log);
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Fills in and posts the sign-in form; returns the status (302 signed in, 401 refused).</summary>
    public async Task<HttpStatusCode> SignInAsync(string login, string password, CancellationToken cancellationToken)
    {
        var page = await _client.GetStringAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
        var token = TokenField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("no anti-forgery field on /signin: " + page);
        _tokens.Add(token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["login"] = login,
            ["password"] = password,
            ["returnUrl"] = "/search",
        });
        using var response = await _client.PostAsync(new Uri("/signin", UriKind.Relative), form, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>Posts JSON and returns the status and the answer's body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostJsonAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await _client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public void Dispose()
    {
        _client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"", RegexOptions.None, 1000)]
    private static partial Regex TokenField();
}
