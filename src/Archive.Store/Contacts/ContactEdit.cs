namespace Archive.Store.Contacts;

/// <summary>
/// The details a person gives when correcting a contact: a null one keeps what is known, an empty (or blank) one clears
/// it, recorded in the history as cleared, and any other is the new value.
/// </summary>
public sealed record ContactEdit(string? Name, string? Phone, string? Address, string? Postcode);
