using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Replies;
using Capture.Web.Cases;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Capture.Worker.Notifications.Replies;

/// <summary>
/// Takes replies through the outbox (<see cref="OutboxReply"/>): recorded, claimed, handed to the mail server, marked
/// sent, then filed in the case. The reply page sends at once (<see cref="SendNowAsync"/>); a round
/// (<see cref="RunRoundAsync"/>, at start and every <see cref="ReplyOptions.RetryInterval"/>) finishes what a crash or a
/// failure left: it files sent replies that are not filed, sends pending ones with backoff, and marks replies that
/// were being handed over when Capture stopped as uncertain rather than send them a second time.
/// </summary>
internal sealed partial class ReplyOutbox
{
    private readonly ArchiveStore _store;
    private readonly SmtpMailSender _mail;
    private readonly IReplyFiling _filing;
    private readonly TimeProvider _time;
    private readonly ReplyOptions _options;
    private readonly ILogger<ReplyOutbox> _logger;
    private readonly DateTimeOffset _startedAt;
    private readonly Lock _filingGate = new();

    public ReplyOutbox(ArchiveStore store, SmtpMailSender mail, IReplyFiling filing, TimeProvider time, IOptions<ReplyOptions> options, ILogger<ReplyOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _mail = mail;
        _filing = filing;
        _time = time;
        _options = options.Value;
        _logger = logger;
        // A reply this process claims is claimed after this; one claimed before was left by an earlier process.
        _startedAt = time.GetUtcNow();
    }

    /// <summary>
    /// Sends a reply just queued by its writer, who waits for the answer. When the server does not take it the reply is
    /// marked not sent and the writer is told (nothing is sent later behind their back); once it is sent, a failure to
    /// file it leaves it for the next round, and the case is returned as it is.
    /// </summary>
    /// <exception cref="ReplyNotSentException">The mail server did not take it.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; a reply cancelled while being handed over is settled by the next round.</exception>
    public async Task<CaseRecord> SendNowAsync(OutboxReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var claimed = _store.MoveReply(reply.Id, OutboxReplyState.Pending, OutboxReplyState.Sending)
            ?? throw new InvalidOperationException($"The reply {reply.MessageId} was taken by the outbox round before it could be sent.");
        var problem = await TrySendAsync(claimed, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            _store.MoveReply(claimed.Id, OutboxReplyState.Sending, OutboxReplyState.NotSent, $"The mail server did not take it ({problem.Answer}); its writer was told and may send it again.");
            LogNotSent(problem.Exception, claimed.RegistrationNumber, claimed.By);
            var told = $"The mail server did not take the reply ({problem.Answer}). Nothing was sent or recorded in the case; try again later.";
            throw problem.Exception is { } cause ? new ReplyNotSentException(told, cause) : new ReplyNotSentException(told);
        }

        var sent = _store.MoveReply(claimed.Id, OutboxReplyState.Sending, OutboxReplyState.Sent)!;
        LogSent(sent.RegistrationNumber, sent.By, sent.MessageId);
        return TryFile(sent) ?? _store.FindCase(sent.RegistrationNumber)
            ?? throw new CaseNotFoundException($"There is no case {sent.RegistrationNumber}.") { RegistrationNumber = sent.RegistrationNumber };
    }

    /// <summary>One round over the outbox: settle interrupted hand-overs, file sent replies, send pending ones that are due.</summary>
    /// <returns>How many replies this round filed and how many it sent.</returns>
    public async Task<(int Filed, int Sent)> RunRoundAsync(CancellationToken cancellationToken)
    {
        foreach (var interrupted in _store.ListReplies(OutboxReplyState.Sending).Where(r => r.UpdatedAt < _startedAt))
        {
            if (_store.MoveReply(interrupted.Id, OutboxReplyState.Sending, OutboxReplyState.Uncertain,
                "Capture stopped while handing this reply to the mail server, so it may or may not have left; ask the mail server's log or the customer, and send it again by hand only if it did not arrive.") is not null)
            {
                LogUncertain(interrupted.RegistrationNumber, interrupted.MessageId);
            }
        }

        var filed = _store.ListReplies(OutboxReplyState.Sent).Count(sent => TryFile(sent) is not null);
        var sentNow = 0;
        var now = _time.GetUtcNow();
        foreach (var pending in _store.ListReplies(OutboxReplyState.Pending).Where(r => r.NextAttemptAt <= now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_store.MoveReply(pending.Id, OutboxReplyState.Pending, OutboxReplyState.Sending) is not { } claimed)
            {
                continue;
            }

            var problem = await TrySendAsync(claimed, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                var sent = _store.MoveReply(claimed.Id, OutboxReplyState.Sending, OutboxReplyState.Sent)!;
                LogSent(sent.RegistrationNumber, sent.By, sent.MessageId);
                sentNow++;
                filed += TryFile(sent) is null ? 0 : 1;
                continue;
            }

            Retry(claimed, problem);
        }

        return (filed, sentNow);
    }

    private void Retry(OutboxReply claimed, SendProblem problem)
    {
        var attempts = claimed.FailedAttempts + 1;
        if (problem.Permanent || attempts >= _options.MaxSendAttempts)
        {
            _store.MoveReply(claimed.Id, OutboxReplyState.Sending, OutboxReplyState.NotSent,
                $"Not sent after {attempts} attempt(s): {problem.Answer}. Send it again from the case once the cause is fixed.");
            LogGaveUp(problem.Exception, claimed.RegistrationNumber, claimed.MessageId, attempts);
            return;
        }

        var wait = TimeSpan.FromTicks(Math.Min(_options.RetryInterval.Ticks * (1L << Math.Min(attempts - 1, 20)), _options.MaxRetryDelay.Ticks));
        _store.MoveReply(claimed.Id, OutboxReplyState.Sending, OutboxReplyState.Pending, problem.Answer, _time.GetUtcNow() + wait);
        LogRetry(problem.Exception, claimed.RegistrationNumber, claimed.MessageId, attempts, wait);
    }

    /// <summary>Files a sent reply; a failure is logged and leaves it sent for the next round.</summary>
    /// <remarks>One at a time, so that the reply page and a round never file the same reply twice.</remarks>
    private CaseRecord? TryFile(OutboxReply sent)
    {
        lock (_filingGate)
        {
            return _store.FindReply(sent.MessageId) is { State: OutboxReplyState.Sent } current ? File(current) : null;
        }
    }

    private CaseRecord? File(OutboxReply sent)
    {
        try
        {
            var updated = _filing.File(sent);
            _store.MoveReply(sent.Id, OutboxReplyState.Sent, OutboxReplyState.Filed);
            return updated;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The customer has the reply; the outbox keeps it as sent and files it on the next round.
            _store.MoveReply(sent.Id, OutboxReplyState.Sent, OutboxReplyState.Sent, $"Sent, but not filed in the case yet: {ex.Message}");
            LogSentButNotFiled(ex, sent.RegistrationNumber, sent.MessageId);
            return null;
        }
    }

    private async Task<SendProblem?> TrySendAsync(OutboxReply claimed, CancellationToken cancellationToken)
    {
        if (!_mail.Enabled)
        {
            return new SendProblem(null, "no mail server is configured", Permanent: false);
        }

        using var bytes = new MemoryStream(claimed.Message, writable: false);
        using var message = await MimeMessage.LoadAsync(bytes, cancellationToken).ConfigureAwait(false);
        try
        {
            await _mail.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (IsMailFailure(ex, cancellationToken))
        {
            return new SendProblem(ex, ServerAnswer(ex), ex is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 });
        }
    }

    /// <summary>A reply also fails when the mail password variable is missing; a person must hear of it, not a crash.</summary>
    private static bool IsMailFailure(Exception ex, CancellationToken cancellationToken) =>
        SmtpFailures.IsUnreachable(ex, cancellationToken) || (ex is InvalidOperationException or MailKit.ServiceNotConnectedException && !cancellationToken.IsCancellationRequested);

    private static string ServerAnswer(Exception ex) => ex switch
    {
        SmtpCommandException command => SmtpFailures.ServerAnswer(command),
        MailKit.Security.AuthenticationException => $"it refused Capture's sign-in, which an administrator must fix in Smtp:User and its password: {ex.Message}",
        System.Net.Sockets.SocketException or IOException => $"it cannot be reached: {ex.Message}",
        _ => ex.Message,
    };

    private sealed record SendProblem(Exception? Exception, string Answer, bool Permanent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the reply of {Login} on {RegistrationNumber} as {MessageId}")]
    private partial void LogSent(string registrationNumber, string login, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply of {Login} on {RegistrationNumber} was not sent; its writer was told")]
    private partial void LogNotSent(Exception? exception, string registrationNumber, string login);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reply on {RegistrationNumber} ({MessageId}) was sent but could not be filed in the case; the outbox files it on its next round")]
    private partial void LogSentButNotFiled(Exception exception, string registrationNumber, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply on {RegistrationNumber} ({MessageId}) was not sent on attempt {Attempts}; trying again in {Wait}")]
    private partial void LogRetry(Exception? exception, string registrationNumber, string messageId, int attempts, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reply on {RegistrationNumber} ({MessageId}) was not sent after {Attempts} attempt(s); it is marked not sent")]
    private partial void LogGaveUp(Exception? exception, string registrationNumber, string messageId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reply on {RegistrationNumber} ({MessageId}) was being handed to the mail server when Capture stopped; it is marked uncertain and not sent again")]
    private partial void LogUncertain(string registrationNumber, string messageId);
}
