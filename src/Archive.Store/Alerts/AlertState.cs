namespace Archive.Store.Alerts;

/// <summary>Where an alert stands. An alert is claimed (<see cref="Sending"/>) before it is sent, so a crash between the two is visible.</summary>
public enum AlertState
{
    /// <summary>Claimed and not yet accepted by the mail server: sent (again, with the same Message-ID) at the next round.</summary>
    Sending,

    /// <summary>The mail server accepted it.</summary>
    Sent,

    /// <summary>The mail server refused it for good (e.g. an unknown recipient); <see cref="CaseAlert.Error"/> says why. Not retried.</summary>
    Failed,

    /// <summary>Nobody could receive it (no handler and no fallback address); <see cref="CaseAlert.Error"/> says why. Not retried.</summary>
    Skipped,
}
