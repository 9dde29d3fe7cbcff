namespace Archive.Store.Alerts;

/// <summary>Why a handler (or a supervisor) is told something by e-mail.</summary>
public enum AlertKind
{
    /// <summary>A case was assigned to them (at capture or by a person).</summary>
    Assigned,

    /// <summary>The customer wrote again on their case (a follow-up joined it).</summary>
    CustomerReply,

    /// <summary>A reminder set on the case fell due.</summary>
    Reminder,

    /// <summary>The case's response deadline is at risk; its priority was raised.</summary>
    DeadlineAtRisk,

    /// <summary>The case's response deadline passed without an answer; escalated to the team's supervisor.</summary>
    DeadlineMissed,

    /// <summary>The daily list of a handler's open cases by urgency.</summary>
    Digest,
}
