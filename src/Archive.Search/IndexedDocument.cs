namespace Archive.Search;

/// <summary>
/// One archived document as the index sees it: a copy of what the store holds, with the case fields
/// (registration number, category, status) denormalised onto every document of the case.
/// </summary>
/// <param name="DocumentId">Unique id of the document; <see cref="ArchiveIndex.Upsert"/> replaces by it.</param>
/// <param name="CaseId">The case the document belongs to; search results collapse by it.</param>
/// <param name="RegistrationNumber">The case's registration number, e.g. <c>C-2026-000123</c>.</param>
/// <param name="Category">Lower-case category word: <c>complaint</c>, <c>suggestion</c>, <c>thanks</c> or <c>unclassified</c>.</param>
/// <param name="Status">Lower-case status word, e.g. <c>not-started</c> or <c>pending-on-company</c>.</param>
/// <param name="Language">ISO 639-1 code of the text's language (<c>pl</c>, <c>hu</c>, <c>en</c>), when known.</param>
/// <param name="ContactName">The customer's name as extracted.</param>
/// <param name="ContactEmail">The customer's e-mail address as extracted.</param>
/// <param name="Subject">Mail subject or letter title.</param>
/// <param name="FileName">Original file name of the item.</param>
/// <param name="Text">The full text (body, PDF text layer or OCR).</param>
/// <param name="ReceivedAt">When the item arrived.</param>
/// <param name="Orders">Order numbers found in the item.</param>
/// <param name="Invoices">Invoice numbers found in the item.</param>
/// <param name="Serials">Product serial numbers found in the item.</param>
/// <param name="Policies">Policy numbers found in the item.</param>
public sealed record IndexedDocument(
    string DocumentId,
    string CaseId,
    string RegistrationNumber,
    string Category,
    string Status,
    string? Language,
    string? ContactName,
    string? ContactEmail,
    string? Subject,
    string? FileName,
    string Text,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Orders,
    IReadOnlyList<string> Invoices,
    IReadOnlyList<string> Serials,
    IReadOnlyList<string> Policies);
