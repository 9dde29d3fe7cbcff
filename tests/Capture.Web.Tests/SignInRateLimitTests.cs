using System.Net;
using Capture.Testing;
using Capture.Web.Tests.Support;

namespace Capture.Web.Tests;

/// <summary>The per-client limit on sign-in attempts (ASP.NET Core rate limiting), on a server of its own with a low limit.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignIn_MoreAttemptsFromOneClientThanItsLimit_Get429WhateverTheLogin()
    {
        using var directory = new TempDirectory();
        using var host = await WebServer.StartAsync(directory, new Dictionary<string, string?> { ["Web:SignInsPerClientPerMinute"] = "2" });
        try
        {
            using var session = new WebSession(WebServer.AddressOf(host));

            using var first = await session.SignInAsync("clara", "wrong");
            using var second = await session.SignInAsync("hanna", "wrong");
            using var third = await session.SignInAsync("sonia", WebServer.PasswordOf("sonia"));

            Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Null(session.Cookies["capture.session"]);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
