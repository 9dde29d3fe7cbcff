namespace Archive.Store.Deadlines;

/// <summary>Where a case stands against its deadline at a moment (see <see cref="CaseDeadline.StandingAt"/>).</summary>
public enum DeadlineStanding
{
    /// <summary>The case has no deadline.</summary>
    None,

    /// <summary>Open, before its at-risk point.</summary>
    OnTrack,

    /// <summary>Open, past its at-risk point but not its due moment.</summary>
    AtRisk,

    /// <summary>Open, past its due moment.</summary>
    Missed,

    /// <summary>Closed by its due moment.</summary>
    Met,

    /// <summary>Closed after its due moment.</summary>
    ClosedLate,
}
