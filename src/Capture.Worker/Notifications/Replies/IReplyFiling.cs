using System.Globalization;
using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Archive.Store.Replies;
using Capture.Web.Cases;
using Capture.Worker.Pipeline;
using MimeKit;

namespace Capture.Worker.Notifications.Replies;

/// <summary>Files a sent reply in its case's chain of communication; the outbox calls it once the mail server has the reply.</summary>
public interface IReplyFiling
{
    /// <summary>
    /// Files <paramref name="reply"/> in its case as the company's message (the case then waits for the customer where the
    /// lifecycle allows) and indexes it. Filing the same reply again (by its Message-ID) changes nothing.
    /// </summary>
    /// <returns>The case as it is after filing.</returns>
    /// <exception cref="CaseNotFoundException">The case is gone.</exception>
    CaseRecord File(OutboxReply reply);
}

/// <summary>Files a sent reply's exact bytes as an <c>.eml</c> of the case, recorded as sent by its writer.</summary>
internal sealed class CaseReplyFiling(ArchiveStore store, CaseIndexer indexer, TimeProvider time) : IReplyFiling
{
    public CaseRecord File(OutboxReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        // Filed before a crash that came ahead of recording it: the case already has it.
        if (store.FindCaseByMessageId(reply.MessageId) is { } filed && filed.Id == reply.CaseId)
        {
            return filed;
        }

        var caseRecord = store.FindCase(reply.RegistrationNumber)
            ?? throw new CaseNotFoundException($"There is no case {reply.RegistrationNumber}.") { RegistrationNumber = reply.RegistrationNumber };
        var sentAt = reply.SentAt ?? time.GetUtcNow();
        var message = reply.Message;
        var (recipientName, recipientAddress) = RecipientOf(message) is { } to ? (to.Name, to.Address) : (caseRecord.ContactName, caseRecord.ContactEmail);
        var document = new NewDocument(
            string.Create(CultureInfo.InvariantCulture, $"reply-{sentAt:yyyyMMdd-HHmmss}.eml"),
            "message/rfc822",
            () => new MemoryStream(message, writable: false),
            reply.Text,
            PageCount: 0,
            UsedOcr: false,
            OcrConfidence: null,
            caseRecord.Language,
            reply.MessageId,
            reply.Subject,
            new DocumentReferences([], [], [], []),
            [],
            string.IsNullOrWhiteSpace(recipientName) ? null : recipientName,
            string.IsNullOrWhiteSpace(recipientAddress) ? null : recipientAddress,
            sentAt,
            ReplyWriters.SourcePrefix + reply.By,
            DocumentRole.Original,
            ParentIndex: null)
        {
            WrittenBy = reply.By,
        };
        var commit = store.JoinCase(caseRecord.RegistrationNumber, [document], sourceKey: null, MessageAuthor.Company);
        indexer.Index(commit, [reply.Text]);
        // Stamps the new status on the case's earlier documents too, and commits: the person sees it at once.
        indexer.Reindex(commit.Case);
        return commit.Case;
    }

    /// <summary>Whom the reply went to, as its own To header says (the case's contact may have changed since it was sent).</summary>
    private static MailboxAddress? RecipientOf(byte[] message)
    {
        using var bytes = new MemoryStream(message, writable: false);
        try
        {
            using var parsed = MimeMessage.Load(bytes);
            return parsed.To.Mailboxes.FirstOrDefault();
        }
        catch (FormatException)
        {
            // Capture wrote these bytes itself; should they not parse, the case's contact is who it went to.
            return null;
        }
    }
}
