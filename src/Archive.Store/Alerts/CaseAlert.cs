namespace Archive.Store.Alerts;

/// <summary>
/// One alert e-mail, recorded once per occurrence: <see cref="Key"/> is unique (see <see cref="AlertKeys"/>), so a
/// reminder, an assignment, a customer reply or a deadline point is alerted once however often it is planned, across
/// restarts. Mutable properties exist for the database mapping.
/// </summary>
public sealed class CaseAlert
{
    /// <summary>The record's database identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>What occurrence this alert is for, unique among alerts; see <see cref="AlertKeys"/>.</summary>
    public string Key { get; set; } = "";

    /// <summary>Why it is sent.</summary>
    public AlertKind Kind { get; set; }

    /// <summary>The case it is about; null for a <see cref="AlertKind.Digest"/>.</summary>
    public string? CaseId { get; set; }

    /// <summary>The case's registration number, for the subject; null for a digest.</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>The person it is meant for: a handler's (or supervisor's) login or address, as the case or roster names them.</summary>
    public string? Person { get; set; }

    /// <summary>The e-mail address it goes to; null when <see cref="State"/> is <see cref="AlertState.Skipped"/>.</summary>
    public string? Recipient { get; set; }

    /// <summary>The recipient's display name, if known.</summary>
    public string? RecipientName { get; set; }

    /// <summary>The language of the message (<c>pl</c>, <c>hu</c>, <c>en</c>).</summary>
    public string Language { get; set; } = "en";

    /// <summary>When the occurrence fell due: the reminder's date, the deadline point, the event's time, the digest's time.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The reminder's note; null for other kinds.</summary>
    public string? Note { get; set; }

    /// <summary>For a deadline alert, when the deadline ends.</summary>
    public DateTimeOffset? DeadlineAt { get; set; }

    /// <summary>Where it stands.</summary>
    public AlertState State { get; set; }

    /// <summary>The message's Message-ID, fixed when claimed, so a message sent again after a crash is recognisably the same one.</summary>
    public string? MessageId { get; set; }

    /// <summary>When it was claimed (the store's clock).</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When the mail server accepted it.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many times sending it failed for a passing reason (server down, temporary refusal).</summary>
    public int Attempts { get; set; }

    /// <summary>The last failure, or why it was skipped.</summary>
    public string? Error { get; set; }
}
