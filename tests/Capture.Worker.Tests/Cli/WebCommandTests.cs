using System.Net;
using System.Net.Sockets;
using Capture.Web.Security;
using Capture.Worker.Cli;

namespace Capture.Worker.Tests.Cli;

/// <summary><c>capture web hash-password</c>, and <c>capture run</c> when the web UI's address is taken.</summary>
public sealed class WebCommandTests : IDisposable
{
    private readonly CliSession _cli = new();

    [Fact]
    public async Task WebHashPassword_ReadsThePasswordFromStandardInputAndPrintsAHashThatVerifies()
    {
        using var input = new StringReader("correct horse battery staple\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CaptureCommandLine.InvokeAsync(["web", "hash-password"], input, output, error, new Dictionary<string, string?>(), TestContext.Current.CancellationToken);

        Assert.True(exit == 0, error.ToString());
        var hash = output.ToString().Trim();
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
        Assert.True(WebPasswords.Verify(hash, "correct horse battery staple"));
        Assert.False(WebPasswords.Verify(hash, "Correct horse battery staple"));
    }

    [Fact]
    public async Task WebHashPassword_WithNothingOnStandardInput_FailsAndSaysHowToPipeIt()
    {
        using var input = new StringReader("");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CaptureCommandLine.InvokeAsync(["web", "hash-password"], input, output, error, new Dictionary<string, string?>(), TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("standard input", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenTheWebAddressIsTaken_StopsWithAMessageNamingWebUrls()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var drop = _cli.Combine("drop");
        Directory.CreateDirectory(drop);

        var (exit, _, error) = await _cli.RunAsync(["run", "--drop", drop], ("Web:Urls", url));

        Assert.Equal(1, exit);
        Assert.Contains("Web:Urls", error, StringComparison.Ordinal);
        Assert.Contains(url, error, StringComparison.Ordinal);
        Assert.Contains("already in use", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAWrongWebSetting_RefusesToStartAndNamesTheKey()
    {
        var drop = _cli.Combine("drop");
        Directory.CreateDirectory(drop);

        var (exit, _, error) = await _cli.RunAsync(["run", "--drop", drop], ("Web:Urls", "ftp://127.0.0.1:21"), ("Web:Users:0:Login", "anna"), ("Web:Users:0:Roles:0", "boss"));

        Assert.Equal(1, exit);
        Assert.Contains("Web:Urls", error, StringComparison.Ordinal);
        Assert.Contains("Web:Users:0:PasswordHash", error, StringComparison.Ordinal);
        Assert.Contains("'boss' is not a role", error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
