namespace Capture.Classifier.Extraction;

/// <summary>Settings of text extraction (configuration section <c>Extraction</c>).</summary>
public sealed class ExtractionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Extraction";

    /// <summary>Files larger than this are refused as unreadable.</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How deep forwarded messages (<c>message/rfc822</c> inside e-mail) are followed.</summary>
    public int MaxMailNestingDepth { get; set; } = 3;

    /// <summary>The most attachments of one e-mail that are extracted; the rest are listed with a reason.</summary>
    public int MaxAttachmentsPerMail { get; set; } = 50;

    /// <summary>A PDF page with an image and fewer letters than this in its text layer is treated as a scan and recognised.</summary>
    public int MinTextLayerLetters { get; set; } = 20;

    /// <summary>The poppler <c>pdftoppm</c> program used to render scanned PDF pages.</summary>
    public string PdfToPpmPath { get; set; } = "pdftoppm";

    /// <summary>Resolution at which scanned PDF pages are rendered for recognition.</summary>
    public int PdfRenderResolution { get; set; } = 300;

    /// <summary>How long rendering one PDF page may take.</summary>
    public TimeSpan PdfRenderTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where temporary files (rendered pages, attachment copies) go; null uses the system temp folder.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Checks the settings and names the key to fix.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (MaxFileBytes < 1)
        {
            throw new ArgumentException($"Extraction:MaxFileBytes is {MaxFileBytes}; it must be positive, e.g. 209715200 (200 MB).");
        }

        if (MaxMailNestingDepth < 0)
        {
            throw new ArgumentException($"Extraction:MaxMailNestingDepth is {MaxMailNestingDepth}; it must be 0 or more.");
        }

        if (MaxAttachmentsPerMail < 0)
        {
            throw new ArgumentException($"Extraction:MaxAttachmentsPerMail is {MaxAttachmentsPerMail}; it must be 0 or more.");
        }

        if (PdfRenderResolution is < 72 or > 1200)
        {
            throw new ArgumentException($"Extraction:PdfRenderResolution is {PdfRenderResolution}; it must lie between 72 and 1200 dpi (300 is usual).");
        }

        if (PdfRenderTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Extraction:PdfRenderTimeout is {PdfRenderTimeout}; it must be positive, e.g. \"00:02:00\".");
        }

        if (string.IsNullOrWhiteSpace(PdfToPpmPath))
        {
            throw new ArgumentException("Extraction:PdfToPpmPath is empty; set it to \"pdftoppm\" (Debian package poppler-utils).");
        }
    }
}
