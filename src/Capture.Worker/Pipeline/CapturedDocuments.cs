using System.Globalization;
using System.Runtime.InteropServices;
using Archive.Store.Documents;
using Capture.Classifier.Extraction;
using Capture.Classifier.Metadata;
using Capture.Classifier.Understanding;

namespace Capture.Worker.Pipeline;

/// <summary>
/// The documents one captured item files into its case: the original, then each e-mail attachment, with the text
/// of each (for the index) and a note of attachments that could not be read.
/// </summary>
internal sealed record CapturedDocuments(IReadOnlyList<NewDocument> Records, IReadOnlyList<string> Texts, string? Problems)
{
    public static CapturedDocuments From(
        CaptureItem item,
        ExtractedDocument document,
        ItemAnalysis analysis,
        DateTimeOffset receivedAt,
        double reviewBelowOcrConfidence)
    {
        var records = new List<NewDocument>(1 + document.Attachments.Count);
        var texts = new List<string>(records.Capacity);
        var unread = new List<(string FileName, string Reason)>();
        var mail = document.Mail;

        records.Add(new NewDocument(
            item.OriginalFileName,
            document.MediaType,
            () => new FileStream(item.Path, FileMode.Open, FileAccess.Read, FileShare.Read),
            document.Text,
            document.PageCount,
            document.UsedOcr,
            document.OcrConfidence,
            analysis.Language.Language,
            mail?.MessageId,
            mail?.Subject,
            ToReferences(analysis.OwnMetadata.References),
            analysis.OwnMetadata.Dates,
            analysis.Metadata.Contact.Name,
            analysis.Metadata.Contact.Email,
            receivedAt,
            item.SourceName,
            DocumentRole.Original,
            ParentIndex: null) with
        {
            Pages = PagesOf(document),
            NeedsReview = NeedsReview(document, reviewBelowOcrConfidence),
            OpenSearchablePdf = SearchablePdfOf(document),
        });
        texts.Add(document.Text);

        for (var i = 0; i < document.Attachments.Count; i++)
        {
            var attachment = document.Attachments[i];
            var extracted = attachment.Extracted;
            var metadata = analysis.AttachmentMetadata[i];
            if (attachment.FailureReason is { } reason)
            {
                unread.Add((attachment.FileName, reason));
            }

            var content = attachment.Content;
            records.Add(new NewDocument(
                attachment.FileName,
                attachment.MediaType,
                () => new MemoryStream(content.ToArray(), writable: false),
                extracted?.Text ?? "",
                extracted?.PageCount ?? 0,
                extracted?.UsedOcr ?? false,
                extracted?.OcrConfidence,
                analysis.Language.Language,
                MessageId: null,
                mail?.Subject,
                ToReferences(metadata.References),
                metadata.Dates,
                analysis.Metadata.Contact.Name,
                analysis.Metadata.Contact.Email,
                receivedAt,
                item.SourceName,
                DocumentRole.Attachment,
                ParentIndex: 0) with
            {
                Pages = extracted is null ? [] : PagesOf(extracted),
                NeedsReview = extracted is not null && NeedsReview(extracted, reviewBelowOcrConfidence),
                OpenSearchablePdf = extracted is null ? null : SearchablePdfOf(extracted),
            });
            texts.Add(extracted?.Text ?? "");
        }

        return new CapturedDocuments(records, texts, Unread(unread));
    }

    /// <summary>
    /// Which attachments were archived without their text, and why: one sentence per reason, naming a few files, so a
    /// message with thousands of attachments over the limit gets a reason a person can read.
    /// </summary>
    private static string? Unread(List<(string FileName, string Reason)> unread)
    {
        const int Named = 3;
        if (unread.Count == 0)
        {
            return null;
        }

        return string.Join(" ", unread.GroupBy(u => u.Reason, StringComparer.Ordinal).Select(group =>
        {
            var names = group.Select(u => $"'{u.FileName}'").ToList();
            return names.Count == 1
                ? $"Attachment {names[0]} was archived but its text could not be read: {group.Key}"
                : names.Count <= Named
                    ? $"Attachments {string.Join(", ", names)} were archived but their text could not be read: {group.Key}"
                    : string.Create(CultureInfo.InvariantCulture, $"Attachments {string.Join(", ", names.Take(Named))} and {names.Count - Named:N0} more were archived but their text could not be read: {group.Key}");
        }));
    }

    /// <summary>True when OCR was needed and its confidence is below the configured minimum: a person should check the text.</summary>
    public static bool NeedsReview(ExtractedDocument document, double reviewBelowOcrConfidence) =>
        document.UsedOcr && document.OcrConfidence is { } confidence && confidence < reviewBelowOcrConfidence;

    private static List<PageRecord> PagesOf(ExtractedDocument document) =>
    [
        .. document.Pages.Select(p => new PageRecord
        {
            Number = p.Number,
            FromOcr = p.FromOcr,
            Confidence = p.Confidence,
            Rotation = p.Rotation,
            Skew = p.Skew,
        }),
    ];

    /// <summary>A stream over the searchable PDF's own bytes: a large scan's PDF is not copied again to be filed.</summary>
    private static Func<Stream>? SearchablePdfOf(ExtractedDocument document) => document.SearchablePdf switch
    {
        null => null,
        { } pdf when MemoryMarshal.TryGetArray(pdf, out var bytes) => () => new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false),
        { } pdf => () => new MemoryStream(pdf.ToArray(), writable: false),
    };

    private static DocumentReferences ToReferences(ReferenceNumbers references) =>
        new(references.Orders, references.Invoices, references.Serials, references.Policies);
}
