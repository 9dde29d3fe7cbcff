namespace Archive.Store.Cases;

/// <summary>One entry of a case's audit history.</summary>
public sealed class CaseEvent
{
    /// <summary>The event's database identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The case the event belongs to.</summary>
    public string CaseId { get; set; } = "";

    /// <summary>When it happened (the store's clock).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who did it: <c>capture</c> for the capture pipeline, otherwise a user name.</summary>
    public string Actor { get; set; } = "";

    /// <summary>What happened; see <see cref="Audit.CaseEventKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>A sentence a person can read.</summary>
    public string Detail { get; set; } = "";
}
