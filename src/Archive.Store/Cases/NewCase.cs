namespace Archive.Store.Cases;

/// <summary>What the worker knows about a capture that opens a new case.</summary>
/// <param name="Category">The classifier's category (<see cref="CaseCategory.Unclassified"/> when it abstained).</param>
/// <param name="CategoryConfidence">The classifier's confidence in <paramref name="Category"/>, 0 to 1.</param>
/// <param name="Language">The detected language (ISO 639-1), if known.</param>
/// <param name="ContactName">The customer's name, if extracted.</param>
/// <param name="ContactEmail">The customer's e-mail address, if extracted.</param>
/// <param name="Subject">The subject or first line, if any.</param>
/// <param name="Source">The source name (mailbox or drop folder) the item came from.</param>
/// <param name="ReceivedAt">When the source received the item.</param>
public sealed record NewCase(
    CaseCategory Category,
    double CategoryConfidence,
    string? Language,
    string? ContactName,
    string? ContactEmail,
    string? Subject,
    string Source,
    DateTimeOffset ReceivedAt)
{
    /// <summary>When the classifier abstained, the category it would have guessed; shown in the triage queue.</summary>
    public CaseCategory? SuggestedCategory { get; init; }

    /// <summary>The customer's phone number, if extracted.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>The customer's postal address, if extracted.</summary>
    public string? ContactAddress { get; init; }

    /// <summary>The customer's postcode, if extracted.</summary>
    public string? ContactPostcode { get; init; }

    /// <summary>Who the case goes to when it opens (a person, or a team's least-loaded member); null leaves it unassigned.</summary>
    public CaseAssignee? Assignee { get; init; }

    /// <summary>Why it goes to <see cref="Assignee"/>, for the history, e.g. <c>rule 'vip' (Assignment:Rules:0)</c>.</summary>
    public string? AssignmentReason { get; init; }

    /// <summary>The product the customer wrote about, if recognised; kept on the case for reports.</summary>
    public string? Product { get; init; }

    /// <summary>
    /// The acknowledgement the worker decided on: to send (<see cref="CaseAcknowledgement.ToSend"/>) or not
    /// (<see cref="CaseAcknowledgement.NotSent"/>); stored with the case in the same transaction, so no opened case
    /// loses it. Null records nothing (acknowledgements are off).
    /// </summary>
    public CaseAcknowledgement? Acknowledgement { get; init; }
}
