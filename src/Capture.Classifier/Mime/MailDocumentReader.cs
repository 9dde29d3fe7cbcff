using System.Text;
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
/// Reads an e-mail with MimeKit: the envelope, the body as plain text (HTML made readable), and every attachment
/// (forwarded messages included) extracted on its own. A bad attachment becomes a failure reason, never a failed message.
/// </summary>
internal sealed partial class MailDocumentReader(ExtractionOptions options, AttachmentExtraction extractAttachment, ILogger logger)
{
    private static readonly HashSet<string> SignatureTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature",
    };

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
            var leaves = new List<Leaf>();
            if (message.Body is not null)
            {
                CollectLeaves(message.Body, underAlternative: false, leaves);
            }

            var body = TextPartReader.ChooseBody(leaves.Select(leaf => leaf.Entity).OfType<TextPart>().Where(part => !part.IsAttachment));
            var bodyText = new StringBuilder(body is null ? string.Empty : TextPartReader.Read(body));
            var attachments = new List<ExtractedAttachment>();
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var leaf in leaves)
            {
                if (ReferenceEquals(leaf.Entity, body) || SignatureTypes.Contains(leaf.Entity.ContentType.MimeType))
                {
                    continue;
                }

                if (leaf.Entity is TextPart { IsAttachment: false } text && (text.IsPlain || text.IsHtml))
                {
                    // Another rendering of the body is skipped; an extra inline text segment belongs to the body.
                    if (!leaf.UnderAlternative)
                    {
                        bodyText.Append("\n\n").Append(TextPartReader.Read(text));
                    }

                    continue;
                }

                attachments.Add(await ReadAttachmentAsync(leaf.Entity, attachments.Count + 1, usedNames, mailDepth, cancellationToken));
            }

            var envelope = ReadEnvelope(message);
            var textBody = bodyText.ToString().Trim();
            var fullText = string.IsNullOrWhiteSpace(envelope.Subject) ? textBody : envelope.Subject.Trim() + "\n\n" + textBody;
            return new ExtractedDocument(fileName, "message/rfc822", fullText, [], UsedOcr: false, OcrConfidence: null, envelope, attachments);
        }
    }

    private async Task<ExtractedAttachment> ReadAttachmentAsync(
        MimeEntity entity,
        int index,
        HashSet<string> usedNames,
        int mailDepth,
        CancellationToken cancellationToken)
    {
        var mediaType = entity.ContentType.MimeType.ToLowerInvariant();
        var proposedName = entity switch
        {
            MimePart part => part.FileName,
            MessagePart { Message.Subject: { Length: > 0 } subject } message => message.ContentDisposition?.FileName ?? subject + ".eml",
            _ => entity.ContentDisposition?.FileName,
        };
        var fileName = Unique(AttachmentFileName.Make(proposedName, index, mediaType), usedNames);
        var content = await DecodeAsync(entity, cancellationToken);
        if (index > options.MaxAttachmentsPerMail)
        {
            return new ExtractedAttachment(fileName, mediaType, content, null,
                $"Not extracted: the message has more than {options.MaxAttachmentsPerMail} attachments (Extraction:MaxAttachmentsPerMail).");
        }

        if (entity is MessagePart && mailDepth + 1 > options.MaxMailNestingDepth)
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

    private static async Task<byte[]> DecodeAsync(MimeEntity entity, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        switch (entity)
        {
            case MessagePart { Message: { } message }:
                await message.WriteToAsync(buffer, cancellationToken);
                break;
            case MimePart { Content: { } content }:
                await content.DecodeToAsync(buffer, cancellationToken);
                break;
            default:
                break;
        }

        return buffer.ToArray();
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
            MailKindDetector.Detect(message));
    }

    private static void CollectLeaves(MimeEntity entity, bool underAlternative, List<Leaf> leaves)
    {
        if (entity is Multipart multipart)
        {
            var alternative = underAlternative || multipart.ContentType.IsMimeType("multipart", "alternative");
            foreach (var child in multipart)
            {
                CollectLeaves(child, alternative, leaves);
            }

            return;
        }

        leaves.Add(new Leaf(entity, underAlternative));
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

    private sealed record Leaf(MimeEntity Entity, bool UnderAlternative);
}
