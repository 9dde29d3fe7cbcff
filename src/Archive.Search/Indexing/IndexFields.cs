namespace Archive.Search.Indexing;

/// <summary>Names of the Lucene fields. User-facing field names are mapped onto these by the query parser.</summary>
internal static class IndexFields
{
    // Keyword fields: indexed lower-cased and whole, stored as given.
    public const string DocumentId = "id";
    public const string CaseId = "case";
    public const string RegistrationNumber = "reg";
    public const string Category = "category";
    public const string Status = "status";
    public const string Language = "lang";
    public const string Email = "email";
    public const string Orders = "order";
    public const string Invoices = "invoice";
    public const string Serials = "serial";
    public const string Policies = "policy";

    // Analysed fields.
    public const string Text = "text";
    public const string TextExact = "text_exact";
    public const string ContactName = "name";
    public const string Subject = "subject";
    public const string FileName = "filename";
    public const string EmailParts = "email_parts";

    // Stored/numeric only.
    public const string ReceivedAt = "received";
}
