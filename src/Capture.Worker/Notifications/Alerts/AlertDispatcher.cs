using System.Globalization;
using System.Net.Sockets;
using Archive.Store;
using Archive.Store.Alerts;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Notifications.Alerts;

/// <summary>
/// Sends the claimed alerts (<see cref="AlertState.Sending"/>) on one SMTP connection and records each as the server
/// answers it: accepted (<see cref="AlertState.Sent"/>), refused for good with a 5xx reply (<see cref="AlertState.Failed"/>,
/// with the reason, not retried), or a passing failure (server down, connection lost, a 4xx reply), after which the alert
/// stays claimed and the next round sends it again, so an outage loses nothing. An alert still unsent
/// <see cref="AlertOptions.GiveUpAfter"/> after it was claimed is recorded as failed with the last error instead: news
/// that old would mislead, and the case's history says it was never delivered.
/// </summary>
public sealed partial class AlertDispatcher(
    ArchiveStore store,
    AlertMessages messages,
    SmtpMailSender sender,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertDispatcher> logger)
{
    /// <summary>Sends every pending alert.</summary>
    /// <param name="cancellationToken">Stops between messages; the rest stay pending.</param>
    /// <returns>How many were sent, refused, and left for the next round.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<AlertDelivery> SendPendingAsync(CancellationToken cancellationToken)
    {
        var expired = GiveUpOnStale(store.ListPendingAlerts());
        var pending = store.ListPendingAlerts();
        if (pending.Count == 0)
        {
            return new AlertDelivery(0, expired, 0);
        }

        var session = await OpenOrNullAsync(pending.Count, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return new AlertDelivery(0, 0, pending.Count);
        }

        var (sent, failed) = (0, expired);
        await using (session.ConfigureAwait(false))
        {
            foreach (var alert in pending)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var message = messages.Compose(alert);
                if (message is null)
                {
                    store.MarkAlertFailed(alert.Key, "the case no longer exists");
                    failed++;
                    continue;
                }

                try
                {
                    await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
                    store.MarkAlertSent(alert.Key);
                    sent++;
                }
                catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
                {
                    var reply = Reply(refused);
                    store.MarkAlertFailed(alert.Key, reply);
                    LogRefused(alert.Kind, alert.RegistrationNumber ?? "-", alert.Recipient ?? "-", reply);
                    failed++;
                }
                catch (SmtpCommandException deferred)
                {
                    var reply = Reply(deferred);
                    store.RecordAlertAttempt(alert.Key, reply);
                    LogDeferred(alert.Kind, alert.RegistrationNumber ?? "-", reply);
                }
                catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
                {
                    store.RecordAlertAttempt(alert.Key, exception.Message);
                    var waiting = pending.Count - sent - failed;
                    LogConnectionLost(exception, waiting);
                    break;
                }
            }
        }

        return new AlertDelivery(sent, failed, pending.Count + expired - sent - failed);
    }

    /// <summary>Records as failed the alerts claimed longer ago than <see cref="AlertOptions.GiveUpAfter"/>; returns how many.</summary>
    private int GiveUpOnStale(IReadOnlyList<CaseAlert> pending)
    {
        var giveUpAfter = options.Value.GiveUpAfter;
        var now = time.GetUtcNow();
        var stale = pending.Where(a => now - a.ClaimedAt >= giveUpAfter).ToList();
        foreach (var alert in stale)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"not sent within {giveUpAfter} (Alerts:GiveUpAfter); the last error was: {alert.Error ?? "the mail server could not be reached"}");
            store.MarkAlertFailed(alert.Key, reason);
            LogGaveUp(alert.Kind, alert.RegistrationNumber ?? "-", reason);
        }

        return stale.Count;
    }

    /// <summary>Connects; on any failure but our own cancellation (wrong settings, an outage) logs it and returns null, the alerts staying claimed for the next round.</summary>
    private async Task<SmtpSession?> OpenOrNullAsync(int pending, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MailKit.Security.AuthenticationException)
        {
            // The sender has logged the server's words and which settings to check.
            LogSignInRefused(pending);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogServerUnavailable(exception, pending);
            return null;
        }
    }

    private static string Reply(SmtpCommandException exception) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)exception.StatusCode} {exception.Message}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server refused Capture's sign-in; {Count} alert(s) wait for the next round")]
    private partial void LogSignInRefused(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server cannot be reached; {Count} alert(s) wait for the next round")]
    private partial void LogServerUnavailable(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP connection broke; {Count} alert(s) wait for the next round")]
    private partial void LogConnectionLost(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} alert of {RegistrationNumber} to {Recipient} was refused and is not sent again: {Reply}")]
    private partial void LogRefused(AlertKind kind, string registrationNumber, string recipient, string reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} alert of {RegistrationNumber} is given up: {Reason}")]
    private partial void LogGaveUp(AlertKind kind, string registrationNumber, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Kind} alert of {RegistrationNumber} was deferred by the server and is tried again next round: {Reply}")]
    private partial void LogDeferred(AlertKind kind, string registrationNumber, string reply);
}

/// <summary>What one dispatch did.</summary>
/// <param name="Sent">Accepted by the server.</param>
/// <param name="Failed">Refused for good.</param>
/// <param name="Waiting">Left for the next round.</param>
public sealed record AlertDelivery(int Sent, int Failed, int Waiting);
