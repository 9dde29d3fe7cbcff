namespace Archive.Store.Cases;

/// <summary>
/// Where a case's acknowledgement to the customer stands. The worker plans it when the case opens (<see cref="Pending"/>
/// or <see cref="Skipped"/>), claims it before handing it to the mail server (<see cref="Sending"/>) and records the
/// outcome; a claim is never taken twice, so a case is acknowledged at most once.
/// </summary>
public enum AcknowledgementState
{
    /// <summary>To be sent; the sender picks it up.</summary>
    Pending,

    /// <summary>Claimed with its Message-ID and being handed to the mail server.</summary>
    Sending,

    /// <summary>The mail server accepted it.</summary>
    Sent,

    /// <summary>Not sent, on purpose (no usable address, a robot or company address, a letter); <see cref="CaseAcknowledgement.Reason"/> says why.</summary>
    Skipped,

    /// <summary>The mail server refused it for good (e.g. an unknown recipient); <see cref="CaseAcknowledgement.Reason"/> holds the server's answer.</summary>
    Failed,

    /// <summary>
    /// Sending was interrupted (a crash, a broken connection) after the claim: the server may or may not have accepted
    /// it. It is not sent again, so the customer never gets it twice; a person can check the server's log by its Message-ID.
    /// </summary>
    Uncertain,
}

/// <summary>A case's acknowledgement to the customer, embedded in the case. Mutable properties exist for the database mapping.</summary>
public sealed class CaseAcknowledgement
{
    /// <summary>Where it stands.</summary>
    public AcknowledgementState State { get; set; }

    /// <summary>The customer's address it goes (or went) to; null when it was skipped for want of one.</summary>
    public string? Recipient { get; set; }

    /// <summary>Its Message-ID (without angle brackets) once claimed; a reply quoting it joins the case.</summary>
    public string? MessageId { get; set; }

    /// <summary>The language of the template it was written from, once claimed.</summary>
    public string? Language { get; set; }

    /// <summary>Why it was skipped, refused or left uncertain; null otherwise.</summary>
    public string? Reason { get; set; }

    /// <summary>When it last changed state (the store's clock).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>An acknowledgement to send to <paramref name="recipient"/>, for <see cref="NewCase.Acknowledgement"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="recipient"/> is blank.</exception>
    public static CaseAcknowledgement ToSend(string recipient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        return new CaseAcknowledgement { State = AcknowledgementState.Pending, Recipient = recipient.Trim() };
    }

    /// <summary>An acknowledgement decided against, for <see cref="NewCase.Acknowledgement"/>; the reason goes into the case history.</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public static CaseAcknowledgement NotSent(string? recipient, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new CaseAcknowledgement { State = AcknowledgementState.Skipped, Recipient = recipient, Reason = reason };
    }
}
