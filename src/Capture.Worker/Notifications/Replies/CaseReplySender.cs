using System.Globalization;
using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Capture.Web.Cases;
using Capture.Worker.Pipeline;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Capture.Worker.Notifications.Replies;

/// <summary>
/// Sends a handler's reply to a case's customer: from <c>Smtp:From</c>, to the case's contact, with the registration
/// number in the subject and In-Reply-To/References naming the customer's last message, so that their answer joins the
/// case by either. The message is written once; only after the mail server accepted it are those same bytes filed in
/// the case as the company's reply (an <c>.eml</c> in the chain, the case pending on the customer where the lifecycle
/// allows) and indexed. A reply the server did not take leaves no trace in the case.
/// </summary>
internal sealed partial class CaseReplySender(
    ArchiveStore store,
    SmtpMailSender mail,
    ReplyTemplates templates,
    CaseIndexer indexer,
    TimeProvider time,
    ILogger<CaseReplySender> logger) : ICaseReplies
{
    /// <summary>The source of a reply's document, as its history and the search show it.</summary>
    public const string SourcePrefix = "web reply by ";

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
        var bytes = Serialize(message, cancellationToken);
        try
        {
            await mail.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsMailFailure(ex, cancellationToken))
        {
            LogNotSent(ex, caseRecord.RegistrationNumber, by);
            throw new ReplyNotSentException($"The mail server did not take the reply ({ServerAnswer(ex)}). Nothing was sent or recorded; try again later.", ex);
        }

        LogSent(caseRecord.RegistrationNumber, by, message.MessageId ?? "");
        return File(caseRecord, message, bytes, by);
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

    private CaseRecord File(CaseRecord caseRecord, MimeMessage message, byte[] bytes, string by)
    {
        var now = time.GetUtcNow();
        var text = message.Subject + "\n\n" + message.TextBody;
        var document = new NewDocument(
            string.Create(CultureInfo.InvariantCulture, $"reply-{now:yyyyMMdd-HHmmss}.eml"),
            "message/rfc822",
            () => new MemoryStream(bytes, writable: false),
            text,
            PageCount: 0,
            UsedOcr: false,
            OcrConfidence: null,
            caseRecord.Language,
            message.MessageId,
            message.Subject,
            new DocumentReferences([], [], [], []),
            [],
            caseRecord.ContactName,
            caseRecord.ContactEmail,
            now,
            SourcePrefix + by,
            DocumentRole.Original,
            ParentIndex: null);
        try
        {
            var commit = store.JoinCase(caseRecord.RegistrationNumber, [document], sourceKey: null, MessageAuthor.Company);
            indexer.Index(commit, [text]);
            // Stamps the new status on the case's earlier documents too, and commits: the person sees it at once.
            indexer.Reindex(commit.Case);
            return commit.Case;
        }
        catch (Exception ex)
        {
            // The customer has the reply; a person must know that the case does not show it.
            LogSentButNotFiled(ex, caseRecord.RegistrationNumber, message.MessageId ?? "");
            throw;
        }
    }

    private static byte[] Serialize(MimeMessage message, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(FormatOptions.Default, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>A reply also fails when the mail password variable is missing; a person must hear of it, not a crash.</summary>
    private static bool IsMailFailure(Exception ex, CancellationToken cancellationToken) =>
        SmtpFailures.IsUnreachable(ex, cancellationToken) || (ex is InvalidOperationException or MailKit.ServiceNotConnectedException && !cancellationToken.IsCancellationRequested);

    private static string ServerAnswer(Exception ex) => ex switch
    {
        SmtpCommandException command => SmtpFailures.ServerAnswer(command),
        System.Net.Sockets.SocketException or IOException => $"it cannot be reached: {ex.Message}",
        _ => ex.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the reply of {Login} on {RegistrationNumber} as {MessageId}")]
    private partial void LogSent(string registrationNumber, string login, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply of {Login} on {RegistrationNumber} was not sent; nothing was recorded")]
    private partial void LogNotSent(Exception exception, string registrationNumber, string login);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reply on {RegistrationNumber} ({MessageId}) was sent but could not be filed in the case; file its copy by hand")]
    private partial void LogSentButNotFiled(Exception exception, string registrationNumber, string messageId);
}
