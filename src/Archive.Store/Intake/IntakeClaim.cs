namespace Archive.Store.Intake;

/// <summary>An entry of the intake ledger: one source item, claimed before work begins.</summary>
public sealed class IntakeClaim
{
    /// <summary>The source's key for the item (account + folder + UIDVALIDITY + UID; POP3 UIDL; path + size + mtime + hash). Compared case-sensitively.</summary>
    public string SourceKey { get; set; } = "";

    /// <summary>The source name (mailbox or drop folder).</summary>
    public string SourceName { get; set; } = "";

    /// <summary>The item's SHA-256 when the source knew it at claim time.</summary>
    public string? Sha256 { get; set; }

    /// <summary>Where the item stands.</summary>
    public IntakeState State { get; set; }

    /// <summary>When it was first claimed.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When it was committed, quarantined or marked duplicate.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The case it was archived into, or the case that already held its content.</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>How many times it has been claimed while still unfinished (1 on the first claim).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// After a failed attempt: the earliest time the item may be tried again (exponential backoff), kept in the
    /// ledger so a restart honours it. Null while no attempt has failed.
    /// </summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>How many of the <see cref="Attempts"/> failed with an error; the others ended unfinished (the service stopped or died).</summary>
    public int Failures { get; set; }

    /// <summary>Why the last failed attempt failed (the error's type and message); null while none has.</summary>
    public string? LastFailure { get; set; }
}
