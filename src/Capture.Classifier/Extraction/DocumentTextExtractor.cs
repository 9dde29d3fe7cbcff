using System.Globalization;
using Capture.Classifier.Images;
using Capture.Classifier.Mime;
using Capture.Classifier.Ocr;
using Capture.Classifier.Pdf;
using Microsoft.Extensions.Logging;

namespace Capture.Classifier.Extraction;

/// <summary>
/// Extracts text from any captured file: decides what it is from its content (and its name where the content says
/// nothing) and hands it to the e-mail, PDF, image or plain-text reader. E-mail attachments come back through here.
/// </summary>
public sealed partial class DocumentTextExtractor : IDocumentTextExtractor
{
    private const string SupportedKinds =
        "Capture reads e-mail (.eml), PDF, TIFF, PNG, JPEG, BMP, GIF, WebP and text files.";

    private readonly ExtractionOptions options;
    private readonly ILogger<DocumentTextExtractor> logger;
    private readonly ImageDocumentReader images;
    private readonly PdfDocumentReader pdfs;
    private readonly MailDocumentReader mail;
    private readonly bool createSearchablePdf;

    /// <summary>Creates the extractor on a shared OCR engine pool.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public DocumentTextExtractor(ExtractionOptions options, OcrEnginePool ocr, ILogger<DocumentTextExtractor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ocr);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        this.options = options;
        this.logger = logger;
        images = new ImageDocumentReader(ocr, options.TempDirectory);
        createSearchablePdf = ocr.Options.CreateSearchablePdf;
        pdfs = new PdfDocumentReader(options, ocr);
        mail = new MailDocumentReader(options, (content, name, depth, token) => ExtractAsync(content, name, null, depth, token), logger);
    }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidOperationException">OCR or rendering is not installed or configured (a fault of the service, not of the file).</exception>
    public async Task<ExtractedDocument> ExtractAsync(string path, string originalFileName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(originalFileName);
        var length = new FileInfo(path).Length;
        EnsureSize(length);
        var data = await File.ReadAllBytesAsync(path, cancellationToken);
        var document = await ExtractAsync(data, originalFileName, path, mailDepth: 0, cancellationToken);
        LogExtracted(logger, originalFileName, document.MediaType, document.PageCount, document.UsedOcr);
        return document;
    }

    /// <summary>Extracts text from content already in memory (used for e-mail attachments).</summary>
    internal async Task<ExtractedDocument> ExtractAsync(
        byte[] data,
        string originalFileName,
        string? path,
        int mailDepth,
        CancellationToken cancellationToken)
    {
        EnsureSize(data.Length);
        cancellationToken.ThrowIfCancellationRequested();
        var head = data.AsSpan(0, Math.Min(data.Length, ContentSniffer.HeadLength));
        var sniffed = ContentSniffer.Sniff(head, originalFileName);
        var mediaType = ContentSniffer.MediaType(sniffed);
        switch (sniffed.Kind)
        {
            case ContentKind.Mail:
                return await mail.ReadAsync(data, originalFileName, mailDepth, cancellationToken);
            case ContentKind.Pdf:
                var pdf = await pdfs.ReadDocumentAsync(data, path, createSearchablePdf, cancellationToken);
                return WithSearchablePdf(Paged(originalFileName, mediaType, pdf.Pages), pdf.SearchablePdf, pdf.SearchablePdfProblem);
            case ContentKind.Image:
                var image = await images.ReadDocumentAsync(data, sniffed.ImageFormat!.Value, createSearchablePdf, cancellationToken);
                var pages = image.Pages.Select(page => page.ToExtractedPage()).ToList();
                return WithSearchablePdf(Paged(originalFileName, mediaType, pages), image.SearchablePdf, image.SearchablePdfProblem);
            case ContentKind.Text:
                return Unpaged(originalFileName, mediaType, TextDecoding.Decode(data));
            case ContentKind.Html:
                return Unpaged(originalFileName, mediaType, HtmlTextConverter.Convert(TextDecoding.Decode(data)));
            default:
                throw new UnreadableDocumentException(sniffed.ClaimedByName switch
                {
                    "PDF document" => "The PDF is damaged and cannot be read: the file does not start with a PDF header.",
                    { } claimed => $"The file is named as a {claimed} but is not a readable {claimed.Split(' ')[0]} image: " +
                        $"its content ({ContentSniffer.Describe(head, originalFileName)}) is not in that format.",
                    null => $"Unsupported file type ({ContentSniffer.Describe(head, originalFileName)}); {SupportedKinds}",
                });
        }
    }

    private void EnsureSize(long length)
    {
        if (length == 0)
        {
            throw new UnreadableDocumentException("The file is empty (0 bytes).");
        }

        if (length > options.MaxFileBytes)
        {
            throw new UnreadableDocumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"The file is {Size(length)}, above the limit of {Size(options.MaxFileBytes)} (Extraction:MaxFileBytes)."));
        }
    }

    /// <summary>A size in MB with the exact bytes beside it, so rounding never hides which side of a limit a file is on.</summary>
    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.## 'MB'", CultureInfo.InvariantCulture) + bytes.ToString(" '('#,0' bytes)'", CultureInfo.InvariantCulture)
        : bytes.ToString("#,0 'bytes'", CultureInfo.InvariantCulture);

    private static ExtractedDocument Paged(string fileName, string mediaType, IReadOnlyList<ExtractedPage> pages)
    {
        var ocrPages = pages.Where(page => page.FromOcr).ToList();
        double? confidence = ocrPages.Count == 0 ? null : ocrPages.Average(page => page.Confidence ?? 0);
        var text = string.Join("\n\n", pages.Select(page => page.Text.Trim()).Where(text => text.Length > 0));
        return new ExtractedDocument(fileName, mediaType, text, pages, ocrPages.Count > 0, confidence, Mail: null, Attachments: []);
    }

    private ExtractedDocument WithSearchablePdf(ExtractedDocument document, byte[]? searchablePdf, string? problem)
    {
        if (problem is not null)
        {
            LogNoSearchablePdf(logger, document.FileName, problem);
        }

        return searchablePdf is null ? document : document with { SearchablePdf = searchablePdf };
    }

    private static ExtractedDocument Unpaged(string fileName, string mediaType, string text) =>
        new(fileName, mediaType, text.ReplaceLineEndings("\n").Trim(), [], UsedOcr: false, OcrConfidence: null, Mail: null, Attachments: []);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Extracted {FileName} as {MediaType}: {PageCount} pages, OCR {UsedOcr}")]
    private static partial void LogExtracted(ILogger logger, string fileName, string mediaType, int pageCount, bool usedOcr);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No searchable PDF for {FileName}: {Problem}; its text was extracted")]
    private static partial void LogNoSearchablePdf(ILogger logger, string fileName, string problem);
}
