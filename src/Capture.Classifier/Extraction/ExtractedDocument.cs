namespace Capture.Classifier.Extraction;

/// <summary>
/// The text and structure extracted from one captured file (an e-mail, a PDF, a scan or a text file).
/// </summary>
/// <param name="FileName">The file name the item arrived with (for display; never used as a path).</param>
/// <param name="MediaType">The detected media type, e.g. <c>message/rfc822</c>, <c>application/pdf</c>, <c>image/tiff</c>.</param>
/// <param name="Text">All text of the item in reading order: for e-mail the subject and body, for documents the pages joined.</param>
/// <param name="Pages">Per-page text for paged documents (PDF, TIFF, images); empty for e-mail and plain text.</param>
/// <param name="UsedOcr">True when any of the text came from optical character recognition.</param>
/// <param name="OcrConfidence">Mean word confidence (0..1) over the OCR'd pages, or null when nothing was OCR'd.</param>
/// <param name="Mail">The envelope of an e-mail; null for other items.</param>
/// <param name="Attachments">Attachments of an e-mail, each extracted on its own; empty for other items.</param>
public sealed record ExtractedDocument(
    string FileName,
    string MediaType,
    string Text,
    IReadOnlyList<ExtractedPage> Pages,
    bool UsedOcr,
    double? OcrConfidence,
    MailEnvelope? Mail,
    IReadOnlyList<ExtractedAttachment> Attachments)
{
    /// <summary>
    /// A searchable PDF of the document (each OCR'd page image with its recognised text as an invisible layer, as
    /// Tesseract's PDF renderer makes it) for scans and for PDFs whose every page was recognised; null for everything
    /// else, including PDFs that mix text-layer and scanned pages (their original already carries text where it
    /// matters) and when <c>Ocr:CreateSearchablePdf</c> is off.
    /// </summary>
    public ReadOnlyMemory<byte>? SearchablePdf { get; init; }

    /// <summary>Number of pages (1 for e-mail and text files).</summary>
    public int PageCount => Pages.Count == 0 ? 1 : Pages.Count;
}

/// <summary>Text of one page of a paged document.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Text">The page's text.</param>
/// <param name="FromOcr">True when the text was recognised from the page image rather than read from a text layer.</param>
/// <param name="Confidence">Mean word confidence (0..1) for OCR'd pages; null for text-layer pages.</param>
public sealed record ExtractedPage(int Number, string Text, bool FromOcr, double? Confidence)
{
    /// <summary>Degrees the page image was turned clockwise to make it upright before recognition (0, 90, 180 or 270); 0 for text-layer pages.</summary>
    public int Rotation { get; init; }

    /// <summary>Degrees the upright page was rotated (clockwise positive) to straighten its text lines; 0 when it was not or for text-layer pages.</summary>
    public double Skew { get; init; }
}

/// <summary>The envelope of an e-mail message, as far as the headers tell it.</summary>
public sealed record MailEnvelope(
    string? FromName,
    string? FromAddress,
    string? Subject,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    DateTimeOffset? Date,
    MailKind Kind)
{
    /// <summary>The Reply-To address, when the message names one: where the writer wants the answer.</summary>
    public string? ReplyToAddress { get; init; }
}

/// <summary>What sort of message an e-mail is: only <see cref="Personal"/> messages come from a customer.</summary>
public enum MailKind
{
    /// <summary>A message written by a person.</summary>
    Personal,
    /// <summary>A delivery-status notification (bounce).</summary>
    DeliveryStatus,
    /// <summary>An automatic reply (Auto-Submitted, vacation notice).</summary>
    AutoReply,
    /// <summary>A read receipt (message disposition notification).</summary>
    ReadReceipt,
}

/// <summary>
/// One attachment of an e-mail. <paramref name="Extracted"/> is null when the attachment's content could not be
/// read, in which case <paramref name="FailureReason"/> says why in words a person can act on.
/// </summary>
/// <param name="FileName">A safe file name for the attachment (no directories, no control characters).</param>
/// <param name="MediaType">The attachment's media type.</param>
/// <param name="Content">The decoded content.</param>
/// <param name="Extracted">The attachment's own extraction, or null.</param>
/// <param name="FailureReason">Why the attachment could not be extracted, or null.</param>
public sealed record ExtractedAttachment(
    string FileName,
    string MediaType,
    ReadOnlyMemory<byte> Content,
    ExtractedDocument? Extracted,
    string? FailureReason);
