namespace Archive.Store.Documents;

/// <summary>A document to archive as part of a capture.</summary>
/// <param name="OriginalFileName">The name it arrived with. Untrusted: the store sanitises it and never uses it as a path.</param>
/// <param name="MediaType">The MIME media type, e.g. <c>application/pdf</c> or <c>message/rfc822</c>.</param>
/// <param name="OpenContent">Opens the bytes to archive; the store reads the stream once, disposes it and hashes what it wrote.</param>
/// <param name="Text">The extracted text, stored beside the original as <c>&lt;stored name&gt;.txt</c> in UTF-8.</param>
/// <param name="PageCount">Pages in the document (0 when not paged).</param>
/// <param name="UsedOcr">Whether the text came from OCR.</param>
/// <param name="OcrConfidence">The OCR engine's mean confidence, 0 to 1, when OCR was used.</param>
/// <param name="Language">The detected language, if known.</param>
/// <param name="MessageId">The e-mail Message-ID, with or without angle brackets.</param>
/// <param name="Subject">The subject, if any.</param>
/// <param name="References">Business references found in the text.</param>
/// <param name="Dates">Dates mentioned in the text.</param>
/// <param name="ContactName">The customer's name, if known: who sent what the customer sent, to whom the company's message went.</param>
/// <param name="ContactEmail">The customer's e-mail address, if known: the sender of what the customer sent, the recipient of the company's message.</param>
/// <param name="ReceivedAt">When the source received it.</param>
/// <param name="Source">The source name it came from.</param>
/// <param name="Role">Letter or attachment.</param>
/// <param name="ParentIndex">For an attachment, the index of its e-mail in the same documents list.</param>
public sealed record NewDocument(
    string OriginalFileName,
    string MediaType,
    Func<Stream> OpenContent,
    string Text,
    int PageCount,
    bool UsedOcr,
    double? OcrConfidence,
    string? Language,
    string? MessageId,
    string? Subject,
    DocumentReferences References,
    IReadOnlyList<DateOnly> Dates,
    string? ContactName,
    string? ContactEmail,
    DateTimeOffset ReceivedAt,
    string Source,
    DocumentRole Role,
    int? ParentIndex)
{
    /// <summary>Per-page details (OCR confidence, rotation, skew); empty when not paged.</summary>
    public IReadOnlyList<PageRecord> Pages { get; init; } = [];

    /// <summary>True when a person should check the text (e.g. OCR confidence below the configured minimum).</summary>
    public bool NeedsReview { get; init; }

    /// <summary>
    /// The login of the person who wrote the document in Capture (a reply sent from the case); null for what was
    /// captured. The case's history credits the documents' filing, and the status change it brings, to them.
    /// </summary>
    public string? WrittenBy { get; init; }

    /// <summary>
    /// Opens a searchable PDF of a scanned original (page images with an invisible text layer), stored beside the
    /// original as <c>&lt;stored name&gt;.searchable.pdf</c>; null when there is none. Derived, so rebuildable.
    /// </summary>
    public Func<Stream>? OpenSearchablePdf { get; init; }
}
