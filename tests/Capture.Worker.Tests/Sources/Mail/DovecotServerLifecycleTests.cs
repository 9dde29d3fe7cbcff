using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Capture.Testing.Mail;

namespace Capture.Worker.Tests.Sources.Mail;

/// <summary>The fixture's own promises: it starts quickly, says why when Dovecot cannot start, and leaves nothing behind.</summary>
public sealed class DovecotServerLifecycleTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAgain_PortTakenMeanwhile_FailsWithDovecotsReason_ThenStartsOnceFree()
    {
        var stopwatch = Stopwatch.StartNew();
        await using var server = await DovecotServer.StartAsync(Cancellation);
        var started = stopwatch.Elapsed;
        await server.StopAsync(Cancellation);

        using (var squatter = new TcpListener(IPAddress.Loopback, server.Ports.Imap))
        {
            squatter.Start();
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAgainAsync(Cancellation));
            Assert.Contains("Address already in use", failure.Message, StringComparison.Ordinal);
            Assert.False(server.IsRunning);
        }

        stopwatch.Restart();
        await server.StartAgainAsync(Cancellation);
        TestContext.Current.SendDiagnosticMessage($"Dovecot started in {started.TotalMilliseconds:F0} ms, started again in {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(server.IsRunning);
    }

    [Fact]
    public async Task Dispose_EndsEveryDovecotProcess_AndDeletesTheFolder()
    {
        var server = await DovecotServer.StartAsync(Cancellation);
        await server.AddUserAsync("anna", "secret", Cancellation);
        using (var client = await server.Mail.ConnectImapAsync("anna", cancellationToken: Cancellation))
        {
            Assert.True(client.IsAuthenticated);
        }

        var master = server.MasterProcessId ?? throw new InvalidOperationException("The server reports no master process.");
        int[] processes = [master, .. UnixProcesses.ChildrenOf(master)];

        await server.DisposeAsync();

        Assert.True(processes.Length >= 4, $"expected the master with its log, config, auth… processes, saw {processes.Length}");
        Assert.DoesNotContain(processes, UnixProcesses.IsRunning);
        Assert.False(Directory.Exists(server.RootDirectory));
    }
}
