using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Sources.Mail;

/// <summary>
/// Keeps one mailbox captured while the service runs: poll, wait for new mail (IDLE or the poll interval), poll again.
/// Any failure (network, server restart, refused sign-in) is logged, the connection dropped, and the account retried
/// after a growing delay; other accounts and sources run on undisturbed.
/// </summary>
internal sealed partial class MailboxSource : BackgroundService
{
    private readonly MailboxOptions _account;
    private readonly MailboxReaderFactory _readers;
    private readonly TimeProvider _time;
    private readonly ILogger<MailboxSource> _logger;

    public MailboxSource(MailboxOptions account, MailboxReaderFactory readers, TimeProvider time, ILogger<MailboxSource> logger)
    {
        _account = account;
        _readers = readers;
        _time = time;
        _logger = logger;
    }

    /// <summary>The account's source name (<c>mail:Name</c>).</summary>
    public string SourceName => _account.SourceName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogWatching(SourceName, _account.Protocol, _account.User, _account.Host, _account.EffectivePort);
        var backoff = new ReconnectBackoff(_account.ReconnectDelay, _account.MaxReconnectDelay);
        await using var reader = _readers.Create(_account);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The pipeline logs every item it captures; the service needs nothing more per message.
                await reader.PollAsync(static _ => ValueTask.CompletedTask, stoppingToken).ConfigureAwait(false);
                if (backoff.Failures > 0)
                {
                    LogRecovered(SourceName, backoff.Failures);
                    backoff.Reset();
                }

                await reader.WaitForNewMailAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Reported with the server's words (never the password) and retried; the other accounts are not affected.
                var delay = backoff.Next();
                if (exception is AuthenticationException)
                {
                    LogSignInRefused(SourceName, _account.User, _account.Host, _account.EffectivePort, exception.Message, _account.PasswordOrigin, backoff.Failures, delay);
                }
                else
                {
                    LogFailed(SourceName, exception.GetType().Name, exception.Message, backoff.Failures, delay);
                }

                await reader.DisconnectAsync().ConfigureAwait(false);
                try
                {
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Source}: {Protocol} {User} at {Host}:{Port}")]
    private partial void LogWatching(string source, MailProtocol protocol, string user, string host, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Source} failed ({ErrorType}: {Error}); failure {Failures} in a row, reconnecting in {Delay}")]
    private partial void LogFailed(string source, string errorType, string error, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Source}: the server refused the sign-in as {User} at {Host}:{Port} ({Error}); check the password in {PasswordOrigin}. Failure {Failures} in a row, trying again in {Delay}")]
    private partial void LogSignInRefused(string source, string user, string host, int port, string error, string passwordOrigin, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} works again after {Failures} failure(s)")]
    private partial void LogRecovered(string source, int failures);
}
