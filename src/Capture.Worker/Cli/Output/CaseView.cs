using Archive.Store;
using Archive.Store.Cases;
using Capture.Worker.Pipeline;

namespace Capture.Worker.Cli.Output;

/// <summary>The JSON shape of <c>capture case show --json</c>.</summary>
internal sealed record CaseView(
    string RegistrationNumber,
    string Status,
    string Category,
    double Confidence,
    string? SuggestedCategory,
    string? Language,
    ContactView Contact,
    string? Subject,
    string Source,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    string ArchivePath,
    IReadOnlyList<CaseDocumentView> Documents,
    IReadOnlyList<CaseEventView> History,
    string Priority,
    int? DaysWaiting,
    DeadlineView? Deadline)
{
    /// <summary>The handler's login; null while the case is unassigned.</summary>
    public string? Handler { get; init; }

    /// <summary>The case's team, whose supervisor receives escalations.</summary>
    public string? Team { get; init; }

    /// <summary>The product the customer wrote about, from the catalogue.</summary>
    public string? Product { get; init; }

    /// <summary>The case as shown at <paramref name="now"/> (days waiting count to it); null when there is no such case.</summary>
    public static CaseView? Load(ArchiveStore store, string registrationNumber, DateTimeOffset now)
    {
        var record = store.FindCase(registrationNumber);
        if (record is null)
        {
            return null;
        }

        var documents = store.GetDocuments(record.Id).Select(d => new CaseDocumentView(
            d.OriginalFileName,
            d.Role.ToString().ToLowerInvariant(),
            d.MediaType,
            d.ArchivePath,
            d.TextPath,
            d.Sha256,
            d.SizeBytes,
            d.PageCount,
            d.UsedOcr,
            d.OcrConfidence,
            d.NeedsReview,
            d.SearchablePdfPath,
            d.Pages.Select(p => new PageView(p.Number, p.FromOcr, p.Confidence, p.Rotation, Math.Round(p.Skew, 2))).ToList(),
            d.MessageId,
            new ReferencesView(d.Orders, d.Invoices, d.Serials, d.Policies),
            d.ReceivedAt)).ToList();
        var history = store.GetHistory(record.Id).Select(e => new CaseEventView(e.At, e.Actor, e.Kind, e.Detail)).ToList();
        return new CaseView(
            record.RegistrationNumber,
            ArchiveVocabulary.Word(record.Status),
            ArchiveVocabulary.Word(record.Category),
            Math.Round(record.CategoryConfidence, 4),
            record.SuggestedCategory is { } suggested ? ArchiveVocabulary.Word(suggested) : null,
            record.Language,
            new ContactView(record.ContactName, record.ContactEmail),
            record.Subject,
            record.Source,
            record.OpenedAt,
            record.UpdatedAt,
            record.ArchivePath,
            documents,
            history,
            record.Priority.ToString().ToLowerInvariant(),
            CaseLifecycle.DaysWaiting(record, now),
            DeadlineView.From(record.Deadline))
        {
            Handler = record.Handler,
            Team = record.Team,
            Product = record.Product,
        };
    }
}

internal sealed record CaseDocumentView(
    string FileName,
    string Role,
    string MediaType,
    string ArchivePath,
    string TextPath,
    string Sha256,
    long SizeBytes,
    int Pages,
    bool Ocr,
    double? OcrConfidence,
    bool NeedsReview,
    string? SearchablePdfPath,
    IReadOnlyList<PageView> PageDetails,
    string? MessageId,
    ReferencesView References,
    DateTimeOffset ReceivedAt);

internal sealed record PageView(int Number, bool Ocr, double? Confidence, int Rotation, double Skew);

internal sealed record CaseEventView(DateTimeOffset At, string Actor, string Kind, string Detail);
