using Capture.Classifier.Extraction;
using MimeKit;

namespace Capture.Classifier.Mime;

/// <summary>Tells machine-sent mail (bounces, automatic replies, read receipts) from mail written by a person.</summary>
internal static class MailKindDetector
{
    public static MailKind Detect(MimeMessage message)
    {
        var contentType = message.Body?.ContentType;
        if (contentType is not null
            && contentType.IsMimeType("multipart", "report")
            && contentType.Parameters.TryGetValue("report-type", out string? reportType) && reportType is not null)
        {
            if (reportType.Trim().Equals("delivery-status", StringComparison.OrdinalIgnoreCase))
            {
                return MailKind.DeliveryStatus;
            }

            if (reportType.Trim().Equals("disposition-notification", StringComparison.OrdinalIgnoreCase))
            {
                return MailKind.ReadReceipt;
            }
        }

        var autoSubmitted = message.Headers["Auto-Submitted"];
        if (!string.IsNullOrWhiteSpace(autoSubmitted)
            && !autoSubmitted.Trim().Split(';')[0].Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return MailKind.AutoReply;
        }

        if (message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond"))
        {
            return MailKind.AutoReply;
        }

        var precedence = message.Headers["Precedence"];
        return precedence is not null && precedence.Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase)
            ? MailKind.AutoReply
            : MailKind.Personal;
    }
}
