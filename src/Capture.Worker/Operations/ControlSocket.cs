using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Archive.Store;
using Capture.Worker.Cli.Output;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Operations;

/// <summary>
/// In <c>capture run</c>: a Unix domain socket, <c>&lt;archive&gt;/capture.sock</c>, readable and writable only by the
/// service's own user, through which <c>capture backup</c> asks the running service to take the backup. The store is
/// held exclusively by the service, so a second process cannot open it; the service takes the backup itself, while
/// its captures go on. One request per connection: a JSON line <c>{"command":"backup","directory":"/abs/path"}</c>,
/// answered by a JSON line <see cref="ControlReply"/>.
/// </summary>
internal sealed partial class ControlSocket(ArchiveStore store, ArchiveBackup backup, ILogger<ControlSocket> logger) : BackgroundService
{
    /// <summary>The socket's file name in the archive root.</summary>
    public const string FileName = "capture.sock";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var path = Path.Combine(store.RootDirectory, FileName);
        // The store's lock is held by this process, so a socket file left there is a dead service's.
        File.Delete(path);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            listener.Listen(4);
        }
        catch (SocketException exception)
        {
            LogUnavailable(exception, path);
            return;
        }

        LogListening(path);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var connection = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
                _ = ServeAsync(connection, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The service is stopping.
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task ServeAsync(Socket connection, CancellationToken stoppingToken)
    {
        using (connection)
        await using (var stream = new NetworkStream(connection, ownsSocket: false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1024, leaveOpen: true) { NewLine = "\n", AutoFlush = true };
            ControlReply reply;
            try
            {
                var request = JsonSerializer.Deserialize<ControlRequest>(await reader.ReadLineAsync(stoppingToken).ConfigureAwait(false) ?? "", JsonLines.Options);
                reply = request is { Command: "backup", Directory: { Length: > 0 } directory }
                    ? await Task.Run(() => new ControlReply(true, null, backup.Create(directory, stoppingToken)), stoppingToken).ConfigureAwait(false)
                    : new ControlReply(false, "Unknown request; this service answers {\"command\":\"backup\",\"directory\":\"…\"}.", null);
            }
            catch (Exception exception) when (exception is ArchiveOperationRefusedException or IOException or UnauthorizedAccessException or JsonException)
            {
                // The requester is told, and it is logged here: a failed backup must not pass unnoticed.
                LogRequestFailed(exception);
                reply = new ControlReply(false, exception.Message, null);
            }

            await writer.WriteLineAsync(JsonLines.Serialize(reply)).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for capture backup on {SocketPath}")]
    private partial void LogListening(string socketPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The control socket {SocketPath} cannot be opened; capture backup cannot reach this service")]
    private partial void LogUnavailable(Exception exception, string socketPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "A backup requested through the control socket failed")]
    private partial void LogRequestFailed(Exception exception);
}

/// <summary>A request to the running service.</summary>
internal sealed record ControlRequest(string Command, string? Directory);

/// <summary>The service's answer: the manifest of the backup it took, or why it did not.</summary>
internal sealed record ControlReply(bool Ok, string? Error, BackupManifest? Manifest);
