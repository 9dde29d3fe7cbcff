namespace Archive.Search;

/// <summary>One archived document as the index sees it: a copy of what the store holds, with its case's fields.</summary>
/// <param name="DocumentId">Unique id of the document; <see cref="ArchiveIndex.Upsert"/> replaces by it.</param>
/// <param name="Case">The case the document belongs to, as it stands now.</param>
/// <param name="Language">ISO 639-1 code of the text's language (<c>pl</c>, <c>hu</c>, <c>en</c>), when known; chooses the stemmer.</param>
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
    IndexedCase Case,
    string? Language,
    string? Subject,
    string? FileName,
    string Text,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Orders,
    IReadOnlyList<string> Invoices,
    IReadOnlyList<string> Serials,
    IReadOnlyList<string> Policies);
