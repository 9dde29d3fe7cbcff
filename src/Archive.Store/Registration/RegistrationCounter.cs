namespace Archive.Store.Registration;

/// <summary>The last sequence number handed out in one scope (a year, or <c>all</c>). Stored in LiteDB.</summary>
internal sealed class RegistrationCounter
{
    /// <summary>The scope: <c>2026</c>, or <c>all</c> when numbers carry no year.</summary>
    public string Id { get; set; } = "";

    /// <summary>The last sequence number allocated and committed.</summary>
    public int Last { get; set; }
}
