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
    public const string Handler = "handler";
    public const string Orders = "order";
    public const string Invoices = "invoice";
    public const string Serials = "serial";
    public const string Policies = "policy";

    /// <summary>Every identifier of the document and its case in one keyword field (registration, e-mail, reference numbers), for free terms.</summary>
    public const string Identifiers = "ids";

    // Analysed fields. The per-language stemmed fields are named by Analysis.StemLanguage.
    public const string Text = "text";
    public const string ContactName = "name";
    public const string Subject = "subject";
    public const string FileName = "filename";
    public const string EmailParts = "email_parts";
    public const string HandlerParts = "handler_parts";

    /// <summary>The letter's words outside its text (subject, file name, contact name, e-mail parts) in one field, for free terms.</summary>
    public const string Meta = "meta";

    // Instants: indexed as UTC ticks for ranges, with doc values for sorting, and stored.
    public const string ReceivedAt = "received";
    public const string WaitingSince = "waiting_since";
    public const string AlertDueAt = "alert_due";

    // Doc values only: collapsing and sorting by case.
    public const string CaseKey = "case_key";
    public const string RegistrationOrder = "reg_order";

    // Stored only: the case's registration parts, so a stored document can be turned back into an IndexedDocument.
    public const string RegistrationYear = "reg_year";
    public const string RegistrationSequence = "reg_seq";
}
