namespace Capture.Worker.Sources.Mail;

/// <summary>What happens to a message on the server after it is archived.</summary>
public enum MailDispositionAction
{
    /// <summary>Leave it as it is (the watermark and the ledger keep it from being read twice).</summary>
    None,

    /// <summary>Set IMAP's \Seen flag.</summary>
    MarkSeen,

    /// <summary>Move it to <see cref="MailDispositionOptions.Folder"/> (created when missing).</summary>
    Move,

    /// <summary>Add the keyword <see cref="MailDispositionOptions.Keyword"/> (and \Seen).</summary>
    Flag,

    /// <summary>Delete it from the server (POP3: DELE; IMAP: \Deleted and UID EXPUNGE).</summary>
    Delete,
}

/// <summary>The disposition of a mailbox: applied only after the case is committed.</summary>
public sealed class MailDispositionOptions
{
    /// <summary>
    /// What to do; when not set, <see cref="MailDispositionAction.MarkSeen"/> for IMAP and <see cref="MailDispositionAction.None"/>
    /// for POP3, which has no flags (the ledger keeps a message from being read twice).
    /// </summary>
    public MailDispositionAction? Action { get; set; }

    /// <summary>The action for a mailbox of <paramref name="protocol"/>: <see cref="Action"/>, or that protocol's default.</summary>
    public MailDispositionAction ActionFor(MailProtocol protocol) =>
        Action ?? (protocol == MailProtocol.Pop3 ? MailDispositionAction.None : MailDispositionAction.MarkSeen);

    /// <summary>The destination folder for <see cref="MailDispositionAction.Move"/>.</summary>
    public string? Folder { get; set; }

    /// <summary>The IMAP keyword for <see cref="MailDispositionAction.Flag"/>.</summary>
    public string Keyword { get; set; } = "$Captured";

    internal IEnumerable<string> Validate(string key, MailProtocol protocol)
    {
        var action = ActionFor(protocol);
        if (protocol == MailProtocol.Pop3 && action is not (MailDispositionAction.None or MailDispositionAction.Delete))
        {
            yield return $"{key}:Disposition:Action {Action} needs IMAP; a POP3 mailbox can only use None or Delete.";
        }

        if (action == MailDispositionAction.Move && string.IsNullOrWhiteSpace(Folder))
        {
            yield return $"{key}:Disposition:Folder is required when Action is Move (e.g. \"Captured\").";
        }

        if (action == MailDispositionAction.Flag &&
            (string.IsNullOrEmpty(Keyword) || Keyword.Any(c => c <= ' ' || c > '~' || "(){%*\"\\]".Contains(c, StringComparison.Ordinal))))
        {
            yield return $"{key}:Disposition:Keyword must be an IMAP keyword (printable ASCII without spaces or (){{%*\"\\]), e.g. $Captured.";
        }
    }
}
