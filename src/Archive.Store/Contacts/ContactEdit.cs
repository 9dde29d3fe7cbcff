namespace Archive.Store.Contacts;

/// <summary>The details a person gives when correcting a contact; a null or blank one keeps what is known.</summary>
public sealed record ContactEdit(string? Name, string? Phone, string? Address, string? Postcode);
