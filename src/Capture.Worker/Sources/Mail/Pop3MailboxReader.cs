using Capture.Worker.Pipeline;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Capture.Worker.Sources.Mail;

/// <summary>
/// Reads a POP3 mailbox, one session per poll (POP3 shows new mail and applies deletions only between sessions).
/// Messages are known by UIDL; the ledger says which are finished, and DELE is sent only for archived ones, taking
/// effect at QUIT. A session that breaks deletes nothing; the next one finds the same messages finished and deletes them.
/// </summary>
internal sealed partial class Pop3MailboxReader(MailboxOptions account, MailItemCapture capture, TimeProvider time, ILogger logger) : IMailboxReader
{
    private readonly MailboxOptions _account = account;
    private readonly MailItemCapture _capture = capture;
    private readonly MailFilter _filter = new(account.Filters);
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    public async Task PollAsync(Func<CaptureResult, ValueTask> report, CancellationToken cancellationToken)
    {
        using var client = new Pop3Client();
        await MailConnection.ConnectAsync(client, _account, cancellationToken).ConfigureAwait(false);
        if (!client.Capabilities.HasFlag(Pop3Capabilities.UIDL))
        {
            await MailConnection.DisconnectQuietlyAsync(client).ConfigureAwait(false);
            throw new NotSupportedException($"The POP3 server of {_account.SourceName} does not support UIDL, so messages cannot be told apart safely between sessions.");
        }

        var uidls = await client.GetMessageUidsAsync(cancellationToken).ConfigureAwait(false);
        var sizes = await client.GetMessageSizesAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        for (var index = 0; index < uidls.Count; index++)
        {
            var item = new MailItem(MailboxKeys.Pop3Message(_account, uidls[index]), $"pop3-{index + 1}.eml", sizes[index]);
            var fate = await CaptureOneAsync(client, index, item, report, cancellationToken).ConfigureAwait(false);
            if (fate == MailItemFate.Archived && _account.Disposition.ActionFor(MailProtocol.Pop3) == MailDispositionAction.Delete)
            {
                await client.DeleteMessageAsync(index, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
        }

        // QUIT commits the deletions; a failure here leaves them for the next session, which finds them finished.
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        LogSessionDone(_account.SourceName, uidls.Count, deleted);
    }

    public Task WaitForNewMailAsync(CancellationToken cancellationToken) => Task.Delay(_account.PollInterval, _time, cancellationToken);

    public Task DisconnectAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _capture.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<MailItemFate> CaptureOneAsync(Pop3Client client, int index, MailItem item, Func<CaptureResult, ValueTask> report, CancellationToken cancellationToken)
    {
        if (_capture.KnownFate(item) is { } known)
        {
            return known;
        }

        if (_filter.NeedsHeaders)
        {
            var headers = await client.GetMessageHeadersAsync(index, cancellationToken).ConfigureAwait(false);
            var sender = InternetAddressList.TryParse(headers[HeaderId.From] ?? "", out var from) ? from.Mailboxes.FirstOrDefault()?.Address : null;
            if (!_filter.AcceptsHeaders(sender, headers[HeaderId.Subject]))
            {
                return MailItemFate.NotWanted;
            }
        }

        if (_filter.NeedsAttachmentNames)
        {
            // POP3 cannot describe a message's parts without sending all of it.
            using var message = await client.GetMessageAsync(index, cancellationToken).ConfigureAwait(false);
            if (!_filter.AcceptsAttachments(message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name)))
            {
                return MailItemFate.NotWanted;
            }
        }

        return await _capture.CaptureAsync(
            item,
            async (destination, token) =>
            {
                using var content = await client.GetStreamAsync(index, headersOnly: false, token).ConfigureAwait(false);
                await content.CopyToAsync(destination, token).ConfigureAwait(false);
            },
            report,
            cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Source}: POP3 session read {Count} message(s), deleted {Deleted}")]
    private partial void LogSessionDone(string source, int count, int deleted);
}
