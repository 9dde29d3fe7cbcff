namespace Archive.Store.Intake;

/// <summary>Where an item in the intake ledger stands.</summary>
public enum IntakeState
{
    /// <summary>Claimed for work, not yet finished (or a previous attempt failed or crashed).</summary>
    Claimed,

    /// <summary>Archived: its case and files are committed. Act on the source now.</summary>
    Committed,

    /// <summary>Set aside with a reason a person can read.</summary>
    Quarantined,

    /// <summary>Its content is already archived; it was not archived twice.</summary>
    Duplicate,
}
