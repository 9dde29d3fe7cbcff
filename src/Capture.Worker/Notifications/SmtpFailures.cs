using System.Globalization;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Capture.Worker.Notifications;

/// <summary>How Capture's own mail failed: the server away or refusing, as opposed to a bug.</summary>
internal static class SmtpFailures
{
    /// <summary>Failures that mean "the server is not there, refused, or the connection broke"; our own cancellation is not one.</summary>
    public static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) => ex
        is SocketException or IOException or SmtpProtocolException or SmtpCommandException or AuthenticationException or TimeoutException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>The server's answer as people read it: <c>550 Mailbox refused</c>.</summary>
    public static string ServerAnswer(SmtpCommandException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)ex.StatusCode} {ex.Message}");
    }
}
