using System.Globalization;
using System.Net.Sockets;
using Archive.Store;
using Archive.Store.Cases;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Capture.Worker.Notifications.Acknowledgements;

/// <summary>
/// Sends the pending acknowledgements, off the capture path, one round at a time (<see cref="AcknowledgementService"/>
/// runs the rounds). Each one is claimed in the store with its Message-ID before it is handed to the mail server and
/// recorded as sent once the server accepted it, so it is sent at most once: a claim found at the start of a process
/// was interrupted by a crash and is recorded as uncertain for a person, never sent again. A server that cannot be
/// reached leaves them pending for the next round; a refused recipient fails with the server's answer; a server's
/// "try later" (4xx), a refused sender address (our own setting) or a connection closed before the message was
/// written returns it to pending and ends the round.
/// </summary>
public sealed partial class AcknowledgementSender : IDisposable
{
    private readonly ArchiveStore _store;
    private readonly SmtpMailSender _mail;
    private readonly AcknowledgementTemplates _templates;
    private readonly AcknowledgementOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AcknowledgementSender> _logger;
    private readonly SemaphoreSlim _round = new(1, 1);
    private bool _recovered;

    public AcknowledgementSender(
        ArchiveStore store,
        SmtpMailSender mail,
        AcknowledgementTemplates templates,
        IOptions<AcknowledgementOptions> options,
        TimeProvider time,
        ILogger<AcknowledgementSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _mail = mail;
        _templates = templates;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// One round: the first one of the process records interrupted claims as uncertain; then every pending
    /// acknowledgement is sent on one connection, or skipped when it waited longer than
    /// <see cref="AcknowledgementOptions.GiveUpAfter"/>. Rounds never overlap.
    /// </summary>
    /// <returns>What became of the acknowledgements this round.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; a message being handed over is recorded as uncertain.</exception>
    /// <exception cref="LiteDB.LiteException">The store failed.</exception>
    public async Task<AcknowledgementRound> SendPendingAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var round = new AcknowledgementRound();
            if (!_recovered)
            {
                round.Uncertain += RecoverInterrupted();
                _recovered = true;
            }

            var due = new List<CaseRecord>();
            foreach (var pending in _store.ListAcknowledgements(AcknowledgementState.Pending))
            {
                if (_time.GetUtcNow() - pending.OpenedAt > _options.GiveUpAfter)
                {
                    GiveUp(pending);
                    round.Skipped++;
                }
                else
                {
                    due.Add(pending);
                }
            }

            if (due.Count > 0)
            {
                await SendAsync(due, round, cancellationToken).ConfigureAwait(false);
            }

            return round;
        }
        finally
        {
            _round.Release();
        }
    }

    public void Dispose() => _round.Dispose();

    private async Task SendAsync(List<CaseRecord> due, AcknowledgementRound round, CancellationToken cancellationToken)
    {
        var session = await TryOpenAsync(due.Count, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            round.Deferred += due.Count;
            return;
        }

        await using (session.ConfigureAwait(false))
        {
            for (var i = 0; i < due.Count; i++)
            {
                var outcome = await SendOneAsync(session, due[i], cancellationToken).ConfigureAwait(false);
                round.Count(outcome);
                if (outcome is AcknowledgementState.Pending or AcknowledgementState.Uncertain)
                {
                    // The connection is gone or the server said "later": the rest wait for the next round.
                    round.Deferred += due.Count - i - 1;
                    return;
                }
            }
        }
    }

    private async Task<SmtpSession?> TryOpenAsync(int waiting, CancellationToken cancellationToken)
    {
        try
        {
            return await _mail.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MailKit.Security.AuthenticationException)
        {
            // The sender has logged the server's words and which settings to check.
            LogSignInRefused(waiting, _options.RetryInterval);
            return null;
        }
        catch (Exception ex) when (SmtpFailures.IsUnreachable(ex, cancellationToken))
        {
            LogServerUnreachable(ex, waiting, _options.RetryInterval);
            return null;
        }
    }

    /// <summary>Writes, claims, sends and records one acknowledgement; returns its new state (Pending when not sent now).</summary>
    private async Task<AcknowledgementState?> SendOneAsync(SmtpSession session, CaseRecord caseRecord, CancellationToken cancellationToken)
    {
        var recipient = caseRecord.Acknowledgement!.Recipient!;
        var language = _templates.LanguageFor(caseRecord.Language);
        AcknowledgementText text;
        try
        {
            text = Write(caseRecord, language);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The templates were tried at start; one failing on this case's values is this case's problem, kept in its history.
            LogTemplateFailed(ex, caseRecord.RegistrationNumber, language);
            return Record(caseRecord, AcknowledgementState.Pending, AcknowledgementState.Skipped, $"the {language} template failed for this case ({ex.GetType().Name}: {ex.Message}).");
        }

        using var message = Message(caseRecord, recipient, language, text);
        cancellationToken.ThrowIfCancellationRequested();
        if (_store.ClaimAcknowledgement(caseRecord.Id, message.MessageId!, language) is null)
        {
            return null;
        }

        try
        {
            await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.SenderNotAccepted)
        {
            // Our own Smtp:From was refused: not this customer's fault, and every message would fail alike.
            LogSenderRefused(caseRecord.RegistrationNumber, (int)ex.StatusCode, ex.Message);
            return Record(caseRecord, AcknowledgementState.Sending, AcknowledgementState.Pending, SmtpFailures.ServerAnswer(ex));
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode is >= 400 and < 500)
        {
            LogDeferred(caseRecord.RegistrationNumber, (int)ex.StatusCode, ex.Message);
            return Record(caseRecord, AcknowledgementState.Sending, AcknowledgementState.Pending, SmtpFailures.ServerAnswer(ex));
        }
        catch (SmtpCommandException ex)
        {
            LogRefused(caseRecord.RegistrationNumber, (int)ex.StatusCode, ex.Message);
            return Record(caseRecord, AcknowledgementState.Sending, AcknowledgementState.Failed, SmtpFailures.ServerAnswer(ex));
        }
        catch (ServiceNotConnectedException)
        {
            // Thrown before a byte of this message was written: it certainly did not leave.
            return Record(caseRecord, AcknowledgementState.Sending, AcknowledgementState.Pending, "the connection to the mail server was closed before sending.");
        }
        catch (Exception ex) when (ex is OperationCanceledException || SmtpFailures.IsUnreachable(ex, cancellationToken))
        {
            LogInterrupted(ex, caseRecord.RegistrationNumber);
            Record(caseRecord, AcknowledgementState.Sending, AcknowledgementState.Uncertain, $"({ex.GetType().Name}: {ex.Message})");
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return AcknowledgementState.Uncertain;
        }

        LogSent(caseRecord.RegistrationNumber, language);
        return Record(caseRecord, AcknowledgementState.Sending, AcknowledgementState.Sent, null);
    }

    private AcknowledgementText Write(CaseRecord caseRecord, string language)
    {
        var receivedAt = TimeZoneInfo.ConvertTime(caseRecord.ReceivedAt, _time.LocalTimeZone);
        return _templates.Render(language, new AcknowledgementModel(caseRecord.RegistrationNumber, caseRecord.ContactName, receivedAt, caseRecord.Category.ToString(), caseRecord.Subject));
    }

    private MimeMessage Message(CaseRecord caseRecord, string recipient, string language, AcknowledgementText text)
    {
        var message = _mail.NewMessage();
        message.To.Add(new MailboxAddress(caseRecord.ContactName?.Trim() ?? "", recipient));
        message.Subject = text.Subject;
        if (_store.GetDocuments(caseRecord.Id).Select(d => d.MessageId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id)) is { } opening)
        {
            // Threads it under the customer's message in their mail program.
            message.InReplyTo = opening;
            message.References.Add(opening);
        }

        var body = new TextPart("plain") { Text = text.Body };
        body.Headers.Add(HeaderId.ContentLanguage, language);
        message.Body = body;
        return message;
    }

    private int RecoverInterrupted()
    {
        var interrupted = _store.ListAcknowledgements(AcknowledgementState.Sending);
        foreach (var caseRecord in interrupted)
        {
            LogUncertain(caseRecord.RegistrationNumber, caseRecord.Acknowledgement?.MessageId);
            Record(caseRecord, AcknowledgementState.Sending, AcknowledgementState.Uncertain, "(Capture stopped while it was being sent.)");
        }

        return interrupted.Count;
    }

    private void GiveUp(CaseRecord caseRecord)
    {
        LogGaveUp(caseRecord.RegistrationNumber, _options.GiveUpAfter);
        Record(caseRecord, AcknowledgementState.Pending, AcknowledgementState.Skipped, string.Create(CultureInfo.InvariantCulture,
            $"it could not be sent within {_options.GiveUpAfter} ({AcknowledgementOptions.SectionName}:{nameof(AcknowledgementOptions.GiveUpAfter)}) of the case opening, because the mail server was unreachable; tell the customer the registration number in the reply."));
    }

    private AcknowledgementState? Record(CaseRecord caseRecord, AcknowledgementState from, AcknowledgementState to, string? reason) =>
        _store.RecordAcknowledgement(caseRecord.Id, from, to, reason) is null ? null : to;

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledged {RegistrationNumber} to the customer in {Language}")]
    private partial void LogSent(string registrationNumber, string language);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server refused Capture's sign-in; {Count} acknowledgements wait, next try in {RetryInterval}")]
    private partial void LogSignInRefused(int count, TimeSpan retryInterval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server cannot be reached; {Count} acknowledgements wait, next try in {RetryInterval}")]
    private partial void LogServerUnreachable(Exception exception, int count, TimeSpan retryInterval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server refused the acknowledgement of {RegistrationNumber}: {StatusCode} {Answer}")]
    private partial void LogRefused(string registrationNumber, int statusCode, string answer);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail server refused Capture's sender address (Smtp:From) for the acknowledgement of {RegistrationNumber}: {StatusCode} {Answer}; acknowledgements wait until it is fixed")]
    private partial void LogSenderRefused(string registrationNumber, int statusCode, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server asked to send the acknowledgement of {RegistrationNumber} later: {StatusCode} {Answer}")]
    private partial void LogDeferred(string registrationNumber, int statusCode, string answer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the acknowledgement of {RegistrationNumber} was interrupted; it is recorded as uncertain and not sent again")]
    private partial void LogInterrupted(Exception exception, string registrationNumber);

    [LoggerMessage(Level = LogLevel.Error, Message = "The acknowledgement of {RegistrationNumber} ({MessageId}) was being sent when Capture stopped; it is recorded as uncertain and not sent again")]
    private partial void LogUncertain(string registrationNumber, string? messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Language} acknowledgement template failed for {RegistrationNumber}; it is skipped")]
    private partial void LogTemplateFailed(Exception exception, string registrationNumber, string language);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The acknowledgement of {RegistrationNumber} waited longer than {GiveUpAfter} and is skipped")]
    private partial void LogGaveUp(string registrationNumber, TimeSpan giveUpAfter);
}

/// <summary>What one round of <see cref="AcknowledgementSender.SendPendingAsync"/> did.</summary>
public sealed class AcknowledgementRound
{
    /// <summary>Accepted by the mail server.</summary>
    public int Sent { get; internal set; }

    /// <summary>Refused for good by the mail server.</summary>
    public int Failed { get; internal set; }

    /// <summary>Skipped (waited too long, or the template failed).</summary>
    public int Skipped { get; internal set; }

    /// <summary>Left pending for the next round (server unreachable or "try later").</summary>
    public int Deferred { get; internal set; }

    /// <summary>Interrupted after their claim (now or by an earlier crash); not sent again.</summary>
    public int Uncertain { get; internal set; }

    internal void Count(AcknowledgementState? outcome)
    {
        switch (outcome)
        {
            case AcknowledgementState.Sent: Sent++; break;
            case AcknowledgementState.Failed: Failed++; break;
            case AcknowledgementState.Skipped: Skipped++; break;
            case AcknowledgementState.Pending: Deferred++; break;
            case AcknowledgementState.Uncertain: Uncertain++; break;
            default: break;
        }
    }
}
