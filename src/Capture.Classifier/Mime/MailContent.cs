using System.Text;
using Capture.Classifier.Extraction;
using MimeKit;
using MimeKit.Tnef;

namespace Capture.Classifier.Mime;

/// <summary>
/// The readable body of a message and its attachments, before the attachments are extracted. The first plain (else
/// HTML, else RTF) text part is the body and further inline text segments join it; other renderings of the body are
/// left out. Outlook's TNEF attachments (<c>winmail.dat</c>) are unpacked: their files become attachments of the
/// message, their body stands in when the message has no other, and the container itself is not listed (the original
/// message is archived whole); a damaged one is listed with the reason. Uuencoded blocks in text become attachments
/// of their own and leave the text.
/// </summary>
/// <param name="Body">The body text, <c>\n</c> line ends, trimmed.</param>
/// <param name="Attachments">The attachments in the order they appear.</param>
internal sealed record MailContent(string Body, IReadOnlyList<FoundAttachment> Attachments)
{
    private static readonly HashSet<string> SignatureTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature",
    };

    private static readonly HashSet<string> UuencodeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/x-uuencode", "application/uuencode", "application/x-uue", "text/x-uuencode",
    };

    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<MailContent> CollectAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var leaves = new List<Leaf>();
        if (message.Body is not null)
        {
            CollectLeaves(message.Body, underAlternative: false, leaves);
        }

        var body = TextPartReader.ChooseBody(leaves.Select(leaf => leaf.Entity).OfType<TextPart>().Where(part => !part.IsAttachment));
        var collector = new Collector();
        if (body is not null)
        {
            collector.AppendText(body);
        }

        foreach (var leaf in leaves.Where(leaf => !ReferenceEquals(leaf.Entity, body) && !SignatureTypes.Contains(leaf.Entity.ContentType.MimeType)))
        {
            await collector.AddAsync(leaf, cancellationToken);
        }

        return collector.ToContent();
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

    private static string? ProposedName(MimeEntity entity) => entity switch
    {
        MimePart part => part.FileName,
        MessagePart { Message.Subject: { Length: > 0 } subject } message => message.ContentDisposition?.FileName ?? subject + ".eml",
        _ => entity.ContentDisposition?.FileName,
    };

    private sealed record Leaf(MimeEntity Entity, bool UnderAlternative);

    private sealed class Collector
    {
        private readonly StringBuilder body = new();
        private readonly List<FoundAttachment> attachments = [];
        private string? tnefBody;

        public void AppendText(TextPart part) => AppendText(TextPartReader.Read(part), part.IsPlain);

        public async Task AddAsync(Leaf leaf, CancellationToken cancellationToken)
        {
            switch (leaf.Entity)
            {
                case TnefPart tnef:
                    await AddTnefAsync(tnef, cancellationToken);
                    break;
                case TextPart { IsAttachment: false } text when leaf.UnderAlternative || text.IsPlain || text.IsHtml:
                    // Another rendering of the body is skipped; an extra inline text segment belongs to the body.
                    if (!leaf.UnderAlternative)
                    {
                        AppendText(text);
                    }

                    break;
                case MimePart part when UuencodeTypes.Contains(part.ContentType.MimeType) && part.ContentTransferEncoding != ContentEncoding.UUEncode:
                    await AddUuencodedPartAsync(part, cancellationToken);
                    break;
                default:
                    attachments.Add(await FoundAsync(leaf.Entity, cancellationToken));
                    break;
            }
        }

        public MailContent ToContent()
        {
            if (tnefBody is not null && string.IsNullOrWhiteSpace(body.ToString()))
            {
                body.Clear();
                AppendText(tnefBody, plain: true);
            }

            return new MailContent(body.ToString().Trim(), attachments);
        }

        private void AppendText(string text, bool plain)
        {
            if (plain)
            {
                var unpacked = UuencodedBlocks.Extract(text);
                text = unpacked.Text;
                AddUuencodedFiles(unpacked.Files);
            }

            body.Append(body.Length == 0 ? string.Empty : "\n\n").Append(text);
        }

        private async Task AddTnefAsync(TnefPart tnef, CancellationToken cancellationToken)
        {
            using var unpacked = TryUnpack(tnef, out var problem);
            if (unpacked is null)
            {
                var content = await DecodeAsync(tnef, cancellationToken);
                attachments.Add(new FoundAttachment(ProposedName(tnef), tnef.ContentType.MimeType.ToLowerInvariant(), content, IsMessage: false, problem));
                return;
            }

            // Read now, used only when the message has no body of its own.
            tnefBody ??= unpacked.Body is null ? null : TextPartReader.Read(unpacked.Body);
            foreach (var entity in unpacked.Attachments)
            {
                attachments.Add(await FoundAsync(entity, cancellationToken));
            }
        }

        private static UnpackedTnef? TryUnpack(TnefPart tnef, out string? problem)
        {
            try
            {
                problem = null;
                return TnefUnpacker.Unpack(tnef);
            }
            catch (UnreadableDocumentException exception)
            {
                problem = exception.Message;
                return null;
            }
        }

        private async Task AddUuencodedPartAsync(MimePart part, CancellationToken cancellationToken)
        {
            var content = await DecodeAsync(part, cancellationToken);
            var files = UuencodedBlocks.Extract(Encoding.Latin1.GetString(content).ReplaceLineEndings("\n")).Files;
            if (files.Count == 0)
            {
                attachments.Add(await FoundAsync(part, cancellationToken));
                return;
            }

            AddUuencodedFiles(files);
        }

        private void AddUuencodedFiles(IEnumerable<UuencodedFile> files)
        {
            foreach (var file in files)
            {
                var mediaType = MimeTypes.GetMimeType(file.Name).ToLowerInvariant(); // by its name: uuencode carries no type
                attachments.Add(new FoundAttachment(file.Name, mediaType, file.Content, IsMessage: false, Problem: null));
            }
        }

        private static async Task<FoundAttachment> FoundAsync(MimeEntity entity, CancellationToken cancellationToken) => new(
            ProposedName(entity),
            entity.ContentType.MimeType.ToLowerInvariant(),
            await DecodeAsync(entity, cancellationToken),
            entity is MessagePart,
            Problem: null);
    }
}

/// <summary>One attachment of a message, decoded but not yet extracted.</summary>
/// <param name="ProposedName">The name the sender gave (not yet made safe), or null.</param>
/// <param name="MediaType">Its media type, lower case.</param>
/// <param name="Content">The decoded bytes.</param>
/// <param name="IsMessage">True for a forwarded or embedded message (counts toward the nesting limit).</param>
/// <param name="Problem">Why it cannot be extracted at all (e.g. a damaged TNEF container), or null.</param>
internal sealed record FoundAttachment(string? ProposedName, string MediaType, byte[] Content, bool IsMessage, string? Problem);
