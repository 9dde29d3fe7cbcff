namespace Capture.Classifier.Ocr;

/// <summary>
/// Settings of optical character recognition (configuration section <c>Ocr</c>).
/// </summary>
public sealed class OcrOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Ocr";

    /// <summary>Tesseract languages joined with '+', e.g. <c>pol+hun+eng</c>.</summary>
    public string Languages { get; set; } = "pol+hun+eng";

    /// <summary>
    /// The folder holding the <c>*.traineddata</c> files; null looks in the usual Debian and /usr/local locations.
    /// </summary>
    public string? TessDataPath { get; set; }

    /// <summary>How many pages are recognised at once (one single-threaded engine each).</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>How long the recognition of one page may take before the item is given up.</summary>
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest page (width × height) that is accepted at all; larger pages make the item unreadable (decompression bombs).</summary>
    public long MaxPixelsPerPage { get; set; } = 100_000_000;

    /// <summary>
    /// The largest page Tesseract works on. Tesseract needs about 20 bytes per pixel, so a larger page (a poster, a
    /// 2400 dpi scan) is scaled down to this size first, and a PDF page is rendered at a resolution that fits it.
    /// Default 25 megapixels: an A3 page at 300 dpi.
    /// </summary>
    public long MaxRecognitionPixels { get; set; } = 25_000_000;

    /// <summary>The most pages one item may have to be recognised.</summary>
    public int MaxPages { get; set; } = 200;

    /// <summary>Resolution assumed for images that do not state one.</summary>
    public int DefaultResolution { get; set; } = 300;

    /// <summary>
    /// Detect each page's orientation (Tesseract OSD, needs Debian's tesseract-ocr-osd) and turn sideways or upside-down
    /// pages upright before recognition.
    /// </summary>
    public bool DetectOrientation { get; set; } = true;

    /// <summary>
    /// The least OSD orientation confidence at which a page is turned; below it the page is recognised as it is.
    /// Measured on this project's corpus, OSD named the right orientation in every case, at 1.4–5 for pages of one
    /// to nine lines and 9–35 for full pages, so the default trusts it from 1.
    /// </summary>
    public double MinimumOrientationConfidence { get; set; } = 1.0;

    /// <summary>Straighten pages whose text lines are skewed (by up to about 7°) before recognition.</summary>
    public bool Deskew { get; set; } = true;

    /// <summary>
    /// Produce a searchable PDF (page images with an invisible text layer) for scans and for PDFs whose every page was
    /// recognised (see <c>ExtractedDocument.SearchablePdf</c>).
    /// </summary>
    public bool CreateSearchablePdf { get; set; } = true;

    /// <summary>
    /// The largest searchable PDF made, in bytes. The PDF is held in memory while its item is filed, so a long scan of
    /// noisy colour pages (several megabytes each) is filed without one, its text extracted all the same, rather than
    /// taking hundreds of megabytes. Default 256 MB: 200 clean A4 pages scanned at 300 dpi take about 30 MB in grey, 4 MB in black and white.
    /// </summary>
    public long MaxSearchablePdfBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Checks the settings and names the key to fix.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Languages))
        {
            throw new ArgumentException("Ocr:Languages is empty; set it to Tesseract language codes such as \"pol+hun+eng\".");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentException($"Ocr:MaxDegreeOfParallelism is {MaxDegreeOfParallelism}; it must be 1 or more (one engine per core is usual).");
        }

        if (PageTimeout <= TimeSpan.Zero || PageTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException($"Ocr:PageTimeout is {PageTimeout}; it must be positive and below 24 days, e.g. \"00:02:00\".");
        }

        if (MaxPixelsPerPage < 1)
        {
            throw new ArgumentException($"Ocr:MaxPixelsPerPage is {MaxPixelsPerPage}; it must be positive, e.g. 100000000.");
        }

        if (MaxRecognitionPixels < 1_000_000)
        {
            throw new ArgumentException($"Ocr:MaxRecognitionPixels is {MaxRecognitionPixels}; it must be at least 1000000 (a letter page at 300 dpi is about 8700000), e.g. 25000000.");
        }

        if (MaxPages < 1)
        {
            throw new ArgumentException($"Ocr:MaxPages is {MaxPages}; it must be 1 or more.");
        }

        if (double.IsNaN(MinimumOrientationConfidence) || MinimumOrientationConfidence < 0)
        {
            throw new ArgumentException(
                $"Ocr:MinimumOrientationConfidence is {MinimumOrientationConfidence}; it must be 0 or more (1 is usual; set Ocr:DetectOrientation to false to turn detection off).");
        }

        if (MaxSearchablePdfBytes < 1)
        {
            throw new ArgumentException($"Ocr:MaxSearchablePdfBytes is {MaxSearchablePdfBytes}; it must be positive, e.g. 268435456 (256 MB), or set Ocr:CreateSearchablePdf to false.");
        }

        if (DefaultResolution is < 70 or > 2400)
        {
            throw new ArgumentException($"Ocr:DefaultResolution is {DefaultResolution}; it must lie between 70 and 2400 dpi.");
        }
    }
}
