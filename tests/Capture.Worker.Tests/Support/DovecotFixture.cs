using System.Globalization;
using Capture.Testing.Mail;

namespace Capture.Worker.Tests.Support;

/// <summary>
/// One real Dovecot server shared by the tests of a class (<c>IClassFixture&lt;DovecotFixture&gt;</c>). Each test
/// takes its own user from <see cref="NewUserAsync"/>, so tests never see each other's mail or sessions.
/// </summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    private DovecotServer? _server;
    private int _users;

    internal DovecotServer Server => _server ?? throw new InvalidOperationException("The Dovecot fixture has not started.");

    public async ValueTask InitializeAsync() => _server = await DovecotServer.StartAsync(TestContext.Current.CancellationToken);

    /// <summary>Adds a user with a fresh name (<c>user1</c>, <c>user2</c>…) and returns the name.</summary>
    internal async Task<string> NewUserAsync()
    {
        var name = "user" + Interlocked.Increment(ref _users).ToString(CultureInfo.InvariantCulture);
        await Server.AddUserAsync(name, "secret-" + name, TestContext.Current.CancellationToken);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
