using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Capture.Worker.Cli.Output;

namespace Capture.Worker.Operations;

/// <summary>Asks a running <c>capture run</c> (through its <see cref="ControlSocket"/>) to take a backup.</summary>
internal static class ControlClient
{
    /// <summary>Sends the backup request when a service holds <paramref name="archiveRoot"/>; null when none answers.</summary>
    /// <exception cref="ArchiveOperationRefusedException">The service refused or failed the backup; the message is its reason.</exception>
    public static async Task<BackupManifest?> TryBackupAsync(string archiveRoot, string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetFullPath(archiveRoot), ControlSocket.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return null; // a socket file left by a service that is gone: the archive is free
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            await writer.WriteLineAsync(JsonLines.Serialize(new ControlRequest("backup", Path.GetFullPath(directory)))).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ArchiveOperationRefusedException("The running service closed the connection without an answer; see its log.");
        var reply = JsonSerializer.Deserialize<ControlReply>(line, JsonLines.Options)!;
        return reply is { Ok: true, Manifest: { } manifest } ? manifest : throw new ArchiveOperationRefusedException(reply.Error ?? "The running service did not take the backup; see its log.");
    }
}
