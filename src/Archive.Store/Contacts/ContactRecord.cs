namespace Archive.Store.Contacts;

/// <summary>
/// A customer, known by e-mail address: every case from the same address links to one record, whose details are kept
/// up to date from each new capture, with a <see cref="ContactChange"/> for every value that changed.
/// </summary>
public sealed class ContactRecord
{
    /// <summary>The record's identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The e-mail address, lower case: the key a customer is recognised by.</summary>
    public string Email { get; set; } = "";

    /// <summary>The latest name given.</summary>
    public string? Name { get; set; }

    /// <summary>The latest phone number given.</summary>
    public string? Phone { get; set; }

    /// <summary>The latest postal address given.</summary>
    public string? Address { get; set; }

    /// <summary>The latest postcode given.</summary>
    public string? Postcode { get; set; }

    /// <summary>When the customer first wrote.</summary>
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>When the customer last wrote.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
}
