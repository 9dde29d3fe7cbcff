namespace Capture.Worker.Sources.Mail;

/// <summary>
/// Which messages of a mailbox are captured. Each list holds patterns with <c>*</c> and <c>?</c>, compared ignoring case;
/// a message is captured when, for every non-empty list, one of its patterns matches. Others are left untouched.
/// </summary>
public sealed class MailFilterOptions
{
    /// <summary>Sender addresses, e.g. <c>*@customer.example</c>.</summary>
    public List<string> Senders { get; set; } = [];

    /// <summary>Subjects, e.g. <c>*reklamacja*</c>.</summary>
    public List<string> Subjects { get; set; } = [];

    /// <summary>Attachment file names: the message needs at least one matching attachment, e.g. <c>*.pdf</c>.</summary>
    public List<string> AttachmentNames { get; set; } = [];

    /// <summary>True when no list restricts anything.</summary>
    public bool IsEmpty => Senders.Count == 0 && Subjects.Count == 0 && AttachmentNames.Count == 0;
}
