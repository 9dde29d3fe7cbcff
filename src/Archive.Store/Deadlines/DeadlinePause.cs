namespace Archive.Store.Deadlines;

/// <summary>A time the deadline clock stood still because the company waited for the customer. Mutable properties exist for the database mapping.</summary>
public sealed class DeadlinePause
{
    /// <summary>When the case moved to pending on the customer.</summary>
    public DateTimeOffset From { get; set; }

    /// <summary>When it came back to the company (or closed).</summary>
    public DateTimeOffset To { get; set; }
}
