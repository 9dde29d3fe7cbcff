namespace Archive.Store.Contacts;

/// <summary>One detail of a contact that a capture set or changed: the contact's history.</summary>
public sealed class ContactChange
{
    /// <summary>The record's identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The contact's identifier.</summary>
    public string ContactId { get; set; } = "";

    /// <summary>Which detail: <c>name</c>, <c>phone</c>, <c>address</c> or <c>postcode</c>.</summary>
    public string Field { get; set; } = "";

    /// <summary>The value before, or null when the detail was new.</summary>
    public string? OldValue { get; set; }

    /// <summary>The value given, or null when a person cleared the detail.</summary>
    public string? NewValue { get; set; }

    /// <summary>Who changed it by hand from the case; null when a capture gave the value.</summary>
    public string? By { get; set; }

    /// <summary>The case whose capture gave the value, or from which a person changed it.</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
