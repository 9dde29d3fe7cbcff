namespace Archive.Store.Replies;

/// <summary>
/// A handler's reply to a customer in the outbox: recorded before it is handed to the mail server, so that a reply is
/// neither lost (sent but never filed in its case) nor sent twice (its Message-ID is fixed before the first attempt).
/// </summary>
public sealed class OutboxReply
{
    /// <summary>The record's identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The case replied on.</summary>
    public string CaseId { get; set; } = "";

    /// <summary>The case's registration number, as the reply's subject names it.</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>The message's Message-ID, without angle brackets: what the filed document carries.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>Who wrote it (their login).</summary>
    public string By { get; set; } = "";

    /// <summary>The subject line as sent.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The text filed and indexed with the message (subject and body).</summary>
    public string Text { get; set; } = "";

    /// <summary>The whole message as it is sent (RFC 5322), the same bytes the case files.</summary>
    public byte[] Message { get; set; } = [];

    /// <summary>Where it stands.</summary>
    public OutboxReplyState State { get; set; }

    /// <summary>How many times sending was tried and did not succeed.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>When a pending reply may be tried again.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Why the last attempt (to send or to file) failed, or why it is not sent; for a person to act on.</summary>
    public string? Problem { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last changed state.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the mail server accepted it.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When it was filed in its case.</summary>
    public DateTimeOffset? FiledAt { get; set; }
}

/// <summary>Where a reply in the outbox stands.</summary>
public enum OutboxReplyState
{
    /// <summary>Recorded, not handed to the mail server yet (or the server asked to try later): it is sent by the next round.</summary>
    Pending,

    /// <summary>Being handed to the mail server now; after a crash, whether it left is unknown.</summary>
    Sending,

    /// <summary>The mail server accepted it; it still has to be filed in its case.</summary>
    Sent,

    /// <summary>Sent and filed in its case: done.</summary>
    Filed,

    /// <summary>Not sent, and not to be: the server refused it, or its writer was told it was not sent. See <see cref="OutboxReply.Problem"/>.</summary>
    NotSent,

    /// <summary>Capture stopped while handing it to the mail server: it may or may not have left, so it is not sent again by itself.</summary>
    Uncertain,
}
