using System.Globalization;

namespace Capture.Worker.Sources.Mail;

/// <summary>
/// Intake-ledger keys for mail, in the form of IMAP URLs (RFC 5092) so a person can read them:
/// <c>imap://user@host/INBOX;UIDVALIDITY=7/;UID=42</c> and <c>pop3://user@host/;UIDL=…</c>. They name the mailbox,
/// not the connection: the service and <c>capture fetch</c> share them, whatever port or TLS mode each uses.
/// </summary>
internal static class MailboxKeys
{
    /// <summary>The key of an IMAP folder's UID stream for one UIDVALIDITY (its watermark's key).</summary>
    public static string ImapFolder(MailboxOptions account, string folder, uint uidValidity) => string.Create(
        CultureInfo.InvariantCulture, $"{Mailbox("imap", account)}/{Uri.EscapeDataString(folder)};UIDVALIDITY={uidValidity}");

    /// <summary>The key of one IMAP message.</summary>
    public static string ImapMessage(string folderKey, uint uid) => string.Create(CultureInfo.InvariantCulture, $"{folderKey}/;UID={uid}");

    /// <summary>The key of one POP3 message.</summary>
    public static string Pop3Message(MailboxOptions account, string uidl) => $"{Mailbox("pop3", account)}/;UIDL={Uri.EscapeDataString(uidl)}";

    private static string Mailbox(string scheme, MailboxOptions account) =>
        $"{scheme}://{Uri.EscapeDataString(account.User)}@{account.Host.Trim().ToLowerInvariant()}";
}
