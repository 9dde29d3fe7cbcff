using Archive.Store.Cases;

namespace Archive.Store.Documents;

/// <summary>An archived document. Mutable properties exist for the database mapping.</summary>
public sealed class DocumentRecord
{
    /// <summary>The document's database identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The case it belongs to (<see cref="CaseRecord.Id"/>).</summary>
    public string CaseId { get; set; } = "";

    /// <summary>The registration number of its case.</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>Its position in the case, 1 for the first document; also the prefix of <see cref="StoredFileName"/>.</summary>
    public int Ordinal { get; set; }

    /// <summary>Letter or attachment.</summary>
    public DocumentRole Role { get; set; }

    /// <summary>For an attachment, the document it was attached to.</summary>
    public string? ParentDocumentId { get; set; }

    /// <summary>The name it arrived with, as given (untrusted; for display only).</summary>
    public string OriginalFileName { get; set; } = "";

    /// <summary>The sanitised name it is stored under inside the case folder.</summary>
    public string StoredFileName { get; set; } = "";

    /// <summary>The original's path relative to the archive root, with <c>/</c> separators.</summary>
    public string ArchivePath { get; set; } = "";

    /// <summary>The extracted text's path relative to the archive root, with <c>/</c> separators.</summary>
    public string TextPath { get; set; } = "";

    /// <summary>The searchable PDF derived from a scanned original, relative to the archive root; null when there is none.</summary>
    public string? SearchablePdfPath { get; set; }

    /// <summary>The SHA-256 of the searchable PDF as filed, lower-case hex; null when there is none (or it was filed before this was recorded).</summary>
    public string? SearchablePdfSha256 { get; set; }

    /// <summary>The SHA-256 of the stored original, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The size of the stored original in bytes.</summary>
    public long SizeBytes { get; set; }

    /// <summary>The MIME media type.</summary>
    public string MediaType { get; set; } = "";

    /// <summary>Pages in the document.</summary>
    public int PageCount { get; set; }

    /// <summary>Whether the text came from OCR.</summary>
    public bool UsedOcr { get; set; }

    /// <summary>The OCR engine's mean confidence, when OCR was used.</summary>
    public double? OcrConfidence { get; set; }

    /// <summary>True when a person should check the text (OCR confidence below the configured minimum).</summary>
    public bool NeedsReview { get; set; }

    /// <summary>Per-page details: OCR confidence, rotation and skew.</summary>
    public List<PageRecord> Pages { get; init; } = [];

    /// <summary>The detected language, if known.</summary>
    public string? Language { get; set; }

    /// <summary>True for a message the company sent to the customer (a reply), false for what the customer sent.</summary>
    public bool FromCompany { get; set; }

    /// <summary>The e-mail Message-ID without angle brackets, if any.</summary>
    public string? MessageId { get; set; }

    /// <summary>The subject, if any.</summary>
    public string? Subject { get; set; }

    /// <summary>Order numbers found in the text.</summary>
    public List<string> Orders { get; init; } = [];

    /// <summary>Invoice numbers found in the text.</summary>
    public List<string> Invoices { get; init; } = [];

    /// <summary>Serial or batch numbers found in the text.</summary>
    public List<string> Serials { get; init; } = [];

    /// <summary>Policy numbers found in the text.</summary>
    public List<string> Policies { get; init; } = [];

    /// <summary>Dates mentioned in the text.</summary>
    public List<DateOnly> Dates { get; init; } = [];

    /// <summary>The customer's name, if known: the sender of what the customer sent, the recipient of the company's message (<see cref="FromCompany"/>).</summary>
    public string? ContactName { get; set; }

    /// <summary>The customer's e-mail address, if known: the sender of what the customer sent, the recipient of the company's message (<see cref="FromCompany"/>).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>
    /// The login of the person who wrote it in Capture (a reply sent from the case); null for what was captured, and for
    /// replies filed before this was recorded (their <see cref="Source"/> names the writer).
    /// </summary>
    public string? WrittenBy { get; set; }

    /// <summary>When the source received it.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the store archived it (the store's clock).</summary>
    public DateTimeOffset CapturedAt { get; set; }

    /// <summary>The source name it came from.</summary>
    public string Source { get; set; } = "";
}
