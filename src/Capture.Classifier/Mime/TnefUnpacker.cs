using System.Text;
using Capture.Classifier.Extraction;
using MimeKit;
using MimeKit.Tnef;

namespace Capture.Classifier.Mime;

/// <summary>
/// Unpacks an Outlook rich-text attachment (<c>application/ms-tnef</c>, usually <c>winmail.dat</c>) with MimeKit: the
/// message body it carries (plain text, else HTML, else RTF) and the files attached inside it. A message embedded in
/// it comes back as a <see cref="MessagePart"/>, so it is read as a forwarded message under the same nesting limit.
/// </summary>
internal static class TnefUnpacker
{
    /// <summary>Damage after which the content cannot be trusted to be whole (a bad checksum alone is tolerated, as Outlook does).</summary>
    private const TnefComplianceStatus Damage =
        TnefComplianceStatus.InvalidTnefSignature | TnefComplianceStatus.StreamTruncated | TnefComplianceStatus.InvalidAttribute |
        TnefComplianceStatus.InvalidAttributeLevel | TnefComplianceStatus.InvalidAttributeLength | TnefComplianceStatus.AttributeOverflow |
        TnefComplianceStatus.InvalidPropertyLength | TnefComplianceStatus.InvalidRowCount | TnefComplianceStatus.NestingTooDeep;

    /// <summary>Outlook's stand-in text for an embedded message, for mail systems that cannot read TNEF; the message itself follows.</summary>
    private const string EmbeddedMessageNotice = "This attachment is a MAPI 1.0 embedded message";

    static TnefUnpacker() => LegacyEncodings.EnsureRegistered(); // MimeKit's TNEF reader needs windows-1252 when its type loads.

    /// <summary>Returns the body and the attachments inside the TNEF part; the caller disposes them.</summary>
    /// <exception cref="UnreadableDocumentException">The TNEF data is damaged or is not TNEF at all.</exception>
    public static UnpackedTnef Unpack(TnefPart part)
    {
        MimeMessage? converted = null;
        try
        {
            EnsureWhole(part);
            converted = ConvertToMessage(part);
            var parts = converted.BodyParts.ToList();
            var body = TextPartReader.ChooseBody(parts.OfType<TextPart>().Where(text => text.FileName is null));
            var attachments = new List<MimeEntity>();
            for (var index = 0; index < parts.Count; index++)
            {
                var entity = parts[index];
                if (entity is TnefPart embedded)
                {
                    attachments.Add(new MessagePart { Message = ConvertToMessage(embedded) });
                }
                else if (entity is not TextPart { FileName: null } && !IsEmbeddedMessageNotice(entity, parts.ElementAtOrDefault(index + 1)))
                {
                    attachments.Add(entity);
                }
            }

            return new UnpackedTnef(converted, body, attachments);
        }
        catch (Exception exception) when (exception is TnefException or ArgumentException or InvalidOperationException or IOException or FormatException or NotSupportedException)
        {
            converted?.Dispose();
            throw Unreadable(exception.Message.TrimEnd('.'), exception);
        }
    }

    /// <summary>
    /// Converts with MimeKit; TNEF gives most files no media type, so those with a name get the one it suggests (here,
    /// so a message embedded in the TNEF carries it too).
    /// </summary>
    private static MimeMessage ConvertToMessage(TnefPart part)
    {
        var message = part.ConvertToMessage();
        foreach (var file in message.BodyParts.OfType<MimePart>())
        {
            if (file is { FileName: { } name } && file.ContentType.IsMimeType("application", "octet-stream"))
            {
                var named = ContentType.Parse(MimeTypes.GetMimeType(name));
                (file.ContentType.MediaType, file.ContentType.MediaSubtype) = (named.MediaType, named.MediaSubtype);
            }
        }

        return message;
    }

    private static void EnsureWhole(TnefPart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        content.Position = 0;
        using var reader = new TnefReader(content, 0, TnefComplianceMode.Loose);
        while (reader.ReadNextAttribute())
        {
            // Reading every attribute is what finds truncation and broken structure.
        }

        var damage = reader.ComplianceStatus & Damage;
        if (damage != TnefComplianceStatus.Compliant)
        {
            throw Unreadable(damage switch
            {
                _ when damage.HasFlag(TnefComplianceStatus.InvalidTnefSignature) => "its content is not TNEF data (no TNEF signature)",
                TnefComplianceStatus.StreamTruncated => "the data is truncated",
                _ => $"the data is damaged ({damage})",
            });
        }
    }

    private static UnreadableDocumentException Unreadable(string reason, Exception? inner = null)
    {
        var message = $"The Outlook rich-text attachment (TNEF, winmail.dat) cannot be unpacked: {reason}.";
        return inner is null ? new UnreadableDocumentException(message) : new UnreadableDocumentException(message, inner);
    }

    private static bool IsEmbeddedMessageNotice(MimeEntity entity, MimeEntity? next)
    {
        if (next is not TnefPart || entity is not MimePart { Content: { } content })
        {
            return false;
        }

        using var decoded = new MemoryStream();
        content.DecodeTo(decoded);
        return decoded.Length < 256 && Encoding.ASCII.GetString(decoded.ToArray()).StartsWith(EmbeddedMessageNotice, StringComparison.Ordinal);
    }
}

/// <summary>What a TNEF attachment held: its message body (null when it has none) and its attachments.</summary>
internal sealed class UnpackedTnef(MimeMessage converted, TextPart? body, IReadOnlyList<MimeEntity> attachments) : IDisposable
{
    public TextPart? Body => body;

    public IReadOnlyList<MimeEntity> Attachments => attachments;

    public void Dispose()
    {
        foreach (var embedded in attachments.OfType<MessagePart>())
        {
            embedded.Dispose();
        }

        converted.Dispose();
    }
}
