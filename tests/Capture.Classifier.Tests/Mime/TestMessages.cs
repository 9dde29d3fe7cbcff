using System.Text;

namespace Capture.Classifier.Tests.Mime;

/// <summary>Builds small test messages around content the test chooses.</summary>
internal static class TestMessages
{
    /// <summary>A multipart message with an optional plain-text body and one Base64 attachment.</summary>
    public static byte[] WithAttachment(string subject, string? body, string contentType, string fileName, byte[] content)
    {
        var message = new StringBuilder()
            .Append("From: Anna Nowak <anna@example.pl>\r\n")
            .Append("Subject: ").Append(subject).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
        if (body is not null)
        {
            message.Append("--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").Append(body).Append("\r\n");
        }

        message.Append("--b\r\nContent-Type: ").Append(contentType).Append("; name=\"").Append(fileName).Append("\"\r\n")
            .Append("Content-Disposition: attachment; filename=\"").Append(fileName).Append("\"\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n")
            .Append(Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n--b--\r\n");
        return Encoding.UTF8.GetBytes(message.ToString());
    }

    /// <summary>A single-part message: ASCII header lines (without the blank line) and a body in bytes.</summary>
    public static byte[] Raw(string headers, byte[] body) => [.. Encoding.ASCII.GetBytes(headers + "\r\n\r\n"), .. body];
}
