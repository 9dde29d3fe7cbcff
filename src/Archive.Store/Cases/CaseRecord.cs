namespace Archive.Store.Cases;

/// <summary>A case as stored in the archive. Mutable properties exist for the database mapping.</summary>
public sealed class CaseRecord
{
    /// <summary>The case's database identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The registration number the customer is told, e.g. <c>C-2026-000123</c>. Unique and never reused.</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>The year whose sequence the registration number was taken from (the local year at capture).</summary>
    public int RegistrationYear { get; set; }

    /// <summary>The sequence number inside <see cref="RegistrationYear"/> (or inside the whole archive when the format has no year).</summary>
    public int RegistrationSequence { get; set; }

    /// <summary>Where the case stands in its lifecycle.</summary>
    public CaseStatus Status { get; set; }

    /// <summary>What kind of letter opened the case.</summary>
    public CaseCategory Category { get; set; }

    /// <summary>The classifier's confidence in <see cref="Category"/>.</summary>
    public double CategoryConfidence { get; set; }

    /// <summary>When the classifier abstained (<see cref="Category"/> is <see cref="CaseCategory.Unclassified"/>), the category it would have guessed.</summary>
    public CaseCategory? SuggestedCategory { get; set; }

    /// <summary>The language of the opening letter, if known.</summary>
    public string? Language { get; set; }

    /// <summary>The customer's contact record (see <see cref="Contacts.ContactRecord"/>), when the capture gave an e-mail address.</summary>
    public string? ContactId { get; set; }

    /// <summary>The customer's name, if known.</summary>
    public string? ContactName { get; set; }

    /// <summary>The customer's e-mail address, if known.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The subject of the opening letter, if any.</summary>
    public string? Subject { get; set; }

    /// <summary>The person responsible for the case (login or e-mail), once assigned.</summary>
    public string? Handler { get; set; }

    /// <summary>
    /// Since when the customer has been waiting for the company: the opening letter's arrival for a new case; null
    /// while the company waits for the customer or the case is closed. Days waiting are counted from it.
    /// </summary>
    public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>When the case's next alert (a reminder, a deadline at risk, a deadline) falls due; null when none is scheduled.</summary>
    public DateTimeOffset? NextAlertAt { get; set; }

    /// <summary>The source name the opening letter came from.</summary>
    public string Source { get; set; } = "";

    /// <summary>When the source received the opening letter.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the case was opened (the store's clock).</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the case last changed (the store's clock).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The case's taxonomy folder, relative to the archive root, with <c>/</c> separators.</summary>
    public string ArchivePath { get; set; } = "";

    /// <summary>When the customer first stopped waiting for the company (a reply sent, or a person moving the case on); null until then.</summary>
    public DateTimeOffset? FirstResponseAt { get; set; }

    /// <summary>When the case was closed; null while it is open (a reopened case loses it until it closes again).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// The case's response deadline and its clock (see <see cref="Deadlines.CaseDeadline"/>); null only for a case opened
    /// before deadlines existed, until its next status move or reclassification gives it one.
    /// </summary>
    public Deadlines.CaseDeadline? Deadline { get; set; }

    /// <summary>How urgently the case needs attention; raised when its deadline is at risk or missed.</summary>
    public CasePriority Priority { get; set; }

    /// <summary>
    /// The team the case belongs to: the team whose least-loaded member received it, or the assigned person's team;
    /// null when the handler belongs to no team or nobody is assigned. A missed deadline escalates to its supervisor.
    /// </summary>
    public string? Team { get; set; }

    /// <summary>The product the customer wrote about, from the configured catalogue (its name, not the alias found); null when none was recognised.</summary>
    public string? Product { get; set; }

    /// <summary>
    /// The handler's login and whether the case is open, e.g. <c>anna.nowak|open</c> or <c>anna.nowak|closed</c>; null while
    /// unassigned. Derived from <see cref="Handler"/> and <see cref="Status"/> whenever the case is written (setting it
    /// does nothing), and indexed, so that a team's least-loaded member and a handler's open cases are counted from the
    /// index alone instead of reading every case the handler ever had.
    /// </summary>
    public string? HandlerLoad
    {
        get => Handler is null ? null : Handler + (Status == CaseStatus.Closed ? ClosedLoadSuffix : OpenLoadSuffix);
        set { }
    }

    internal const string OpenLoadSuffix = "|open";

    internal const string ClosedLoadSuffix = "|closed";

    /// <summary>
    /// The acknowledgement to the customer (see <see cref="CaseAcknowledgement"/>); null when acknowledgements were off
    /// when the case opened, so turning them on never acknowledges old cases.
    /// </summary>
    public CaseAcknowledgement? Acknowledgement { get; set; }
}
