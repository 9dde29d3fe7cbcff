using System.Globalization;
using Capture.Worker.Tests.Cli;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Operations;

/// <summary>
/// Passwords never reach the logs: <c>capture fetch</c> against the real Dovecot, once signing in and capturing, once
/// refused with a wrong password (the error path), and neither password appears in the rolling log file under
/// <c>&lt;archive&gt;/logs</c>, on standard output or on standard error.
/// </summary>
public sealed class SecretsInLogsTests(DovecotFixture dovecot) : IClassFixture<DovecotFixture>, IDisposable
{
    private readonly CliSession _cli = new();

    [Fact]
    public async Task Fetch_SignedInAndRefused_NeitherPasswordAppearsInLogFileOrConsole()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var user = await dovecot.NewUserAsync();
        var password = dovecot.Server.CredentialsOf(user).Password;
        using (var letter = TestLetters.Create(7))
        {
            await dovecot.Server.Mail.AppendAsync(user, "INBOX", letter, cancellationToken: cancellationToken);
        }

        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        var variable = "CAPTURE_TEST_PASSWORD_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        var url = string.Create(CultureInfo.InvariantCulture, $"imap://{user}@127.0.0.1:{dovecot.Server.Ports.Imap}/INBOX");
        var console = new List<string>();
        try
        {
            Environment.SetEnvironmentVariable(variable, password);
            var (exit, output, error) = await _cli.RunAsync(["fetch", url, "--password-env", variable, "--security", "none", "--verbose"]);
            Assert.True(exit == 0, output + error);
            console.Add(output + error);

            Environment.SetEnvironmentVariable(variable, wrong);
            (exit, output, error) = await _cli.RunAsync(["fetch", url, "--password-env", variable, "--security", "none", "--verbose"]);
            Assert.NotEqual(0, exit);
            console.Add(output + error);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        var logs = Directory.EnumerateFiles(Path.Combine(_cli.Archive, "logs"), "capture-*.log").ToList();
        Assert.NotEmpty(logs);
        var logText = string.Concat(logs.Select(File.ReadAllText));
        Assert.True(logText.Contains(user, StringComparison.Ordinal), "the log does not describe the sign-in:\n" + logText + string.Concat(console));
        foreach (var secret in new[] { password, wrong })
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
            Assert.All(console, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    public void Dispose() => _cli.Dispose();
}
