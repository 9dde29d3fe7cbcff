using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Archive.Store.Replies;
using Capture.Web.Cases;
using MimeKit;

namespace Capture.Worker.Notifications.Replies;

/// <summary>
/// Sends a handler's reply to a case's customer: from <c>Smtp:From</c>, to the case's contact, with the registration
/// number in the subject and In-Reply-To/References naming the customer's last message, so that their answer joins the
/// case by either. The message is written once and recorded in the outbox (<see cref="ReplyOutbox"/>) with its
/// Message-ID before it leaves; only after the mail server accepted it are those same bytes filed in the case as the
/// company's reply (an <c>.eml</c> in the chain, the case pending on the customer where the lifecycle allows) and
/// indexed — by the outbox's next round when filing fails now. A reply the server did not take leaves no trace in the case.
/// </summary>
internal sealed class CaseReplySender(
    ArchiveStore store,
    SmtpMailSender mail,
    ReplyTemplates templates,
    ReplyOutbox outbox,
    TimeProvider time) : ICaseReplies
{
    public IReadOnlyList<ReplyTemplateInfo> Templates => templates.Infos;

    public string? DefaultTemplateFor(CaseRecord caseRecord)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        return templates.DefaultFor(caseRecord.Category, caseRecord.Language);
    }

    public ReplyDraft Draft(string registrationNumber, string templateName, string author)
    {
        var caseRecord = Find(registrationNumber);
        var text = templates.Render(templateName, new MailTemplateValues(
            caseRecord.RegistrationNumber,
            caseRecord.ContactName,
            TimeZoneInfo.ConvertTime(caseRecord.ReceivedAt, store.DeadlineTimeZone),
            caseRecord.Category.ToString(),
            caseRecord.Subject,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["handler_name"] = author }));
        return new ReplyDraft(text.Subject, text.Body);
    }

    public async Task<CaseRecord> SendAsync(string registrationNumber, ReplyDraft reply, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var caseRecord = Find(registrationNumber);
        if (!mail.Enabled)
        {
            throw new ReplyNotSentException($"No mail server is configured, so replies cannot be sent: set {SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)} and {SmtpOptions.SectionName}:{nameof(SmtpOptions.From)}.") { Failure = ReplyFailure.NoMailServer };
        }

        if (!MailboxAddress.TryParse(caseRecord.ContactEmail ?? "", out var customer) || !customer.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new ReplyNotSentException($"{caseRecord.RegistrationNumber} has no e-mail address of the customer to reply to; write to them another way.") { Failure = ReplyFailure.NoAddress };
        }

        customer.Name = caseRecord.ContactName?.Trim() ?? "";
        var documents = store.GetDocuments(caseRecord.Id);
        using var message = Write(caseRecord, customer, reply, documents);
        // Recorded before it leaves, with its Message-ID: a crash after this neither loses the reply nor sends it twice.
        var queued = store.QueueReply(new OutboxReply
        {
            CaseId = caseRecord.Id,
            RegistrationNumber = caseRecord.RegistrationNumber,
            MessageId = message.MessageId ?? "",
            By = by,
            Subject = message.Subject ?? "",
            Text = message.Subject + "\n\n" + message.TextBody,
            Message = Serialize(message, cancellationToken),
        });
        return await outbox.SendNowAsync(queued, cancellationToken).ConfigureAwait(false);
    }

    private CaseRecord Find(string registrationNumber) => store.FindCase(registrationNumber)
        ?? throw new CaseNotFoundException($"There is no case {registrationNumber}.") { RegistrationNumber = registrationNumber };

    private MimeMessage Write(CaseRecord caseRecord, MailboxAddress customer, ReplyDraft reply, IReadOnlyList<DocumentRecord> documents)
    {
        var message = mail.NewMessage();
        // A person wrote this reply: the customer's auto-responder may answer it, unlike Capture's own messages.
        message.Headers.Remove(HeaderId.AutoSubmitted);
        message.To.Add(customer);
        message.Subject = LiquidMailTemplate.SubjectLine(reply.Subject, caseRecord.RegistrationNumber);
        message.Date = time.GetUtcNow();
        var thread = documents.Where(d => !string.IsNullOrWhiteSpace(d.MessageId)).ToList();
        if (thread.LastOrDefault(d => !d.FromCompany) is { } last)
        {
            message.InReplyTo = last.MessageId;
            foreach (var earlier in thread.TakeWhile(d => d != last))
            {
                message.References.Add(earlier.MessageId!);
            }

            message.References.Add(last.MessageId!);
        }

        var body = new TextPart("plain") { Text = reply.Body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n" };
        if (!string.IsNullOrWhiteSpace(caseRecord.Language))
        {
            body.Headers.Add(HeaderId.ContentLanguage, caseRecord.Language);
        }

        message.Body = body;
        return message;
    }

    private static byte[] Serialize(MimeMessage message, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(FormatOptions.Default, buffer, cancellationToken);
        return buffer.ToArray();
    }
}
