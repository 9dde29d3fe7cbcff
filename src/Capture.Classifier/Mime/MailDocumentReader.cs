using Capture.Classifier.Extraction;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Capture.Classifier.Mime;

/// <summary>Extracts one attachment's bytes through the document dispatcher.</summary>
/// <param name="content">The decoded attachment.</param>
/// <param name="fileName">Its safe file name.</param>
/// <param name="mailDepth">How many messages deep the attachment sits (1 for an attachment of the top message).</param>
/// <param name="cancellationToken">Cancels the extraction.</param>
internal delegate Task<ExtractedDocument> AttachmentExtraction(byte[] content, string fileName, int mailDepth, CancellationToken cancellationToken);

/// <summary>
/// Reads an e-mail with MimeKit: the envelope, the body as plain text (HTML and RTF made readable), and every attachment
/// (forwarded messages, files unpacked from Outlook's winmail.dat and uuencoded files included) extracted on its own.
/// A bad attachment becomes a failure reason, never a failed message.
/// </summary>
internal sealed partial class MailDocumentReader(ExtractionOptions options, AttachmentExtraction extractAttachment, ILogger logger)
{
    /// <exception cref="UnreadableDocumentException">MimeKit cannot parse the message at all.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<ExtractedDocument> ReadAsync(byte[] data, string fileName, int mailDepth, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = await MailParsing.LoadAsync(data, cancellationToken);
        }
        catch (FormatException exception)
        {
            throw new UnreadableDocumentException($"The e-mail cannot be read: {exception.Message}", exception);
        }

        using (message)
        {
            var content = await MailContent.CollectAsync(message, cancellationToken);
            var attachments = new List<ExtractedAttachment>();
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var found in content.Attachments)
            {
                attachments.Add(await ReadAttachmentAsync(found, attachments.Count + 1, usedNames, mailDepth, cancellationToken));
            }

            var envelope = ReadEnvelope(message);
            var fullText = string.Join("\n\n", new[] { envelope.Subject?.Trim(), content.Body }.Where(part => !string.IsNullOrEmpty(part)));
            return new ExtractedDocument(fileName, "message/rfc822", fullText, [], UsedOcr: false, OcrConfidence: null, envelope, attachments);
        }
    }

    private async Task<ExtractedAttachment> ReadAttachmentAsync(
        FoundAttachment found,
        int index,
        HashSet<string> usedNames,
        int mailDepth,
        CancellationToken cancellationToken)
    {
        var (mediaType, content) = (found.MediaType, found.Content);
        var fileName = Unique(AttachmentFileName.Make(found.ProposedName, index, mediaType), usedNames);
        if (found.Problem is not null)
        {
            return new ExtractedAttachment(fileName, mediaType, content, null, found.Problem);
        }

        if (index > options.MaxAttachmentsPerMail)
        {
            return new ExtractedAttachment(fileName, mediaType, content, null,
                $"Not extracted: the message has more than {options.MaxAttachmentsPerMail} attachments (Extraction:MaxAttachmentsPerMail).");
        }

        if (found.IsMessage && mailDepth + 1 > options.MaxMailNestingDepth)
        {
            return new ExtractedAttachment(fileName, mediaType, content, null,
                $"Not extracted: forwarded messages nested deeper than {options.MaxMailNestingDepth} levels (Extraction:MaxMailNestingDepth).");
        }

        if (content.Length == 0)
        {
            return new ExtractedAttachment(fileName, mediaType, content, null, "The attachment is empty (0 bytes).");
        }

        try
        {
            var extracted = await extractAttachment(content, fileName, mailDepth + 1, cancellationToken);
            return new ExtractedAttachment(fileName, mediaType, content, extracted, null);
        }
        catch (UnreadableDocumentException exception)
        {
            return new ExtractedAttachment(fileName, mediaType, content, null, exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not InvalidOperationException)
        {
            // The message itself is fine; the reason is kept with the attachment for the person who reads it.
            LogAttachmentFailed(logger, exception, fileName, mediaType);
            return new ExtractedAttachment(fileName, mediaType, content, null, $"The attachment could not be read: {exception.Message}");
        }
    }

    private static MailEnvelope ReadEnvelope(MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var hasDate = message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue;
        return new MailEnvelope(
            string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name,
            from?.Address,
            message.Subject,
            message.MessageId,
            message.InReplyTo,
            [.. message.References],
            hasDate ? message.Date : null,
            MailKindDetector.Detect(message))
        {
            ReplyToAddress = message.ReplyTo.Mailboxes.FirstOrDefault()?.Address,
        };
    }

    private static string Unique(string name, HashSet<string> usedNames)
    {
        var candidate = name;
        for (var n = 2; !usedNames.Add(candidate); n++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}";
        }

        return candidate;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment {FileName} ({MediaType}) could not be extracted")]
    private static partial void LogAttachmentFailed(ILogger logger, Exception exception, string fileName, string mediaType);
}
