namespace Archive.Store.Cases;

/// <summary>A reminder a handler set on a case: a date and a note. Mutable properties exist for the database mapping.</summary>
public sealed class CaseReminder
{
    /// <summary>The reminder's database identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The case it is about.</summary>
    public string CaseId { get; set; } = "";

    /// <summary>When it falls due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>What to do then.</summary>
    public string Note { get; set; } = "";

    /// <summary>Who set it.</summary>
    public string By { get; set; } = "";

    /// <summary>When it was set (the store's clock).</summary>
    public DateTimeOffset SetAt { get; set; }
}
