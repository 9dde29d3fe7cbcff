using System.Net;
using Capture.Testing;
using Capture.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Capture.Web.Tests;

/// <summary>What a refused sign-in leaves in the service's log, on a server of its own that keeps its log lines.</summary>
public sealed class SignInLogTests
{
    [Fact]
    public async Task RefusedSignIn_LogsAUsersLogin_ButNeverTextThatIsNoLogin()
    {
        using var directory = new TempDirectory();
        using var logs = new CollectingLoggerProvider();
        using var host = await WebServer.StartAsync(directory, CollectingLoggerProvider.Configuration, services => services.AddSingleton<ILoggerProvider>(logs));
        try
        {
            using var session = new WebSession(WebServer.AddressOf(host));

            // A password typed into the login box, then a user's login with a wrong password.
            using var mistyped = await session.SignInAsync("Tr0ub4dor&3-secret", "clara");
            using var wrongPassword = await session.SignInAsync("clara", "not her password");

            Assert.Equal(HttpStatusCode.Unauthorized, mistyped.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
            var refusals = logs.Lines.Where(line => line.Contains("sign-in refused", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, refusals.Count);
            Assert.Contains("refused for an unknown login", refusals[0], StringComparison.Ordinal);
            Assert.Contains("refused for clara", refusals[1], StringComparison.Ordinal);
            Assert.DoesNotContain(logs.Lines, line => line.Contains("Tr0ub4dor", StringComparison.Ordinal) || line.Contains("not her password", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
