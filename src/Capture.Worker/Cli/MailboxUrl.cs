using System.Text;
using Capture.Worker.Sources.Mail;

namespace Capture.Worker.Cli;

/// <summary>
/// Turns a mailbox URL such as <c>imaps://user@host:993/INBOX</c> or <c>pop3://user@host</c> into account options.
/// <c>imap://</c> and <c>pop3://</c> use STARTTLS when the server offers it; <c>imaps://</c>, <c>pop3s://</c> and
/// <c>pops://</c> use TLS from the start. The path names the IMAP folder (INBOX when empty).
/// </summary>
internal static class MailboxUrl
{
    /// <exception cref="FormatException">The URL is not a mailbox URL; the message says what is wrong.</exception>
    public static MailboxOptions Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{url}' is not a mailbox URL; expected e.g. imaps://user@mail.example.com/INBOX or pop3s://user@mail.example.com.");
        }

        var (protocol, security) = uri.Scheme.ToLowerInvariant() switch
        {
            "imap" => (MailProtocol.Imap, MailSecurity.StartTlsWhenAvailable),
            "imaps" => (MailProtocol.Imap, MailSecurity.Tls),
            "pop" or "pop3" => (MailProtocol.Pop3, MailSecurity.StartTlsWhenAvailable),
            "pops" or "pop3s" => (MailProtocol.Pop3, MailSecurity.Tls),
            _ => throw new FormatException($"'{uri.Scheme}://' is not a mailbox scheme; use imap://, imaps://, pop3:// or pop3s://."),
        };

        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[0]);
        if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException("Put no password in the URL (it would end up in shell history and process lists); name an environment variable with --password-env.");
        }

        if (user.Length == 0)
        {
            throw new FormatException($"'{url}' names no user; write it as {uri.Scheme}://user@{uri.Host}/….");
        }

        var folder = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (protocol == MailProtocol.Pop3 && folder.Length > 0)
        {
            throw new FormatException("A POP3 mailbox has no folders; leave the path out of a pop3:// URL.");
        }

        return new MailboxOptions
        {
            Name = NameFor(user, uri.Host),
            Protocol = protocol,
            Security = security,
            Host = uri.Host,
            Port = uri.IsDefaultPort ? 0 : uri.Port,
            User = user,
            Folders = folder.Length > 0 ? [folder] : [],
            Disposition = new MailDispositionOptions { Action = MailDispositionAction.None },
        };
    }

    /// <summary>Reads <c>none</c>, <c>seen</c>, <c>flag[:KEYWORD]</c>, <c>move:FOLDER</c> or <c>delete</c>.</summary>
    /// <exception cref="FormatException">Something else.</exception>
    public static MailDispositionOptions ParseDisposition(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 2);
        var argument = parts.Length > 1 ? parts[1] : null;
        return parts[0].ToLowerInvariant() switch
        {
            "none" => new MailDispositionOptions { Action = MailDispositionAction.None },
            "seen" => new MailDispositionOptions { Action = MailDispositionAction.MarkSeen },
            "flag" => new MailDispositionOptions { Action = MailDispositionAction.Flag, Keyword = argument ?? "$Captured" },
            "move" when !string.IsNullOrWhiteSpace(argument) => new MailDispositionOptions { Action = MailDispositionAction.Move, Folder = argument },
            "delete" => new MailDispositionOptions { Action = MailDispositionAction.Delete },
            _ => throw new FormatException($"'{text}' is not a disposition; use none, seen, flag[:KEYWORD], move:FOLDER or delete."),
        };
    }

    private static string NameFor(string user, string host)
    {
        var name = new StringBuilder();
        foreach (var c in $"{user}@{host}")
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-' ? c : '_');
        }

        return name.ToString(0, Math.Min(name.Length, 64)).TrimStart('.', '_', '@', '-') is { Length: > 0 } safe ? safe : "mailbox";
    }
}
