namespace Archive.Store.Audit;

/// <summary>The <see cref="Cases.CaseEvent.Kind"/> values the store writes.</summary>
public static class CaseEventKinds
{
    /// <summary>A capture opened the case.</summary>
    public const string Opened = "opened";

    /// <summary>A follow-up document joined the case.</summary>
    public const string DocumentAdded = "document-added";

    /// <summary>An item whose content the case already holds arrived again and was not archived twice.</summary>
    public const string DuplicateReceived = "duplicate-received";

    /// <summary>A person set the case's category (from triage or as a correction).</summary>
    public const string Reclassified = "reclassified";

    /// <summary>The case moved to another status (a person's decision, or a customer's message).</summary>
    public const string StatusChanged = "status-changed";

    /// <summary>A person corrected the details of the case's contact (name, phone, address, postcode).</summary>
    public const string ContactEdited = "contact-edited";

    /// <summary>A handler set a reminder on the case.</summary>
    public const string ReminderSet = "reminder-set";

    /// <summary>The actor name of the capture pipeline.</summary>
    public const string CaptureActor = "capture";

    /// <summary>The case got a deadline other than the one it opened with: it was reopened (a fresh deadline) or reclassified (another rule).</summary>
    public const string DeadlineSet = "deadline-set";

    /// <summary>The deadline clock stopped because the case became pending on the customer.</summary>
    public const string DeadlinePaused = "deadline-paused";

    /// <summary>The deadline clock runs again and the due moment moved later by the paused time.</summary>
    public const string DeadlineResumed = "deadline-resumed";

    /// <summary>Someone (a person, or the alert jobs) raised the case's priority.</summary>
    public const string PriorityRaised = "priority-raised";

    /// <summary>The case was given to a handler: at capture by an assignment rule, or later by a person (from → to, who, why).</summary>
    public const string Assigned = "assigned";

    /// <summary>The acknowledgement to the customer was accepted by the mail server.</summary>
    public const string AcknowledgementSent = "acknowledgement-sent";

    /// <summary>No acknowledgement is sent to the customer, and why.</summary>
    public const string AcknowledgementSkipped = "acknowledgement-skipped";

    /// <summary>The mail server refused the acknowledgement.</summary>
    public const string AcknowledgementFailed = "acknowledgement-failed";

    /// <summary>Sending the acknowledgement was interrupted; whether the customer got it is unknown, and it is not sent again.</summary>
    public const string AcknowledgementUncertain = "acknowledgement-uncertain";

    /// <summary>An alert e-mail about the case was accepted by the mail server (what, to whom, its Message-ID).</summary>
    public const string AlertSent = "alert-sent";

    /// <summary>An alert e-mail about the case was refused for good, or had nobody to go to (what, to whom, why).</summary>
    public const string AlertNotSent = "alert-not-sent";

    /// <summary>The actor name of the alert e-mails (their history events, a priority raised for a deadline).</summary>
    public const string AlertsActor = "alerts";
}
