using Archive.Store.Alerts;
using Archive.Store.Cases;

namespace Capture.Web.Cases;

/// <summary>A case as people see it: the JSON of <c>capture case show --json</c> and <c>GET /api/cases/{reg}</c>, and what the case page shows.</summary>
public sealed record CaseView(
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

    /// <summary>When the case's next alert falls due (the earliest reminder or deadline point not yet alerted); null when none is scheduled.</summary>
    public DateTimeOffset? NextAlertAt { get; init; }

    /// <summary>The reminders set on the case, earliest first.</summary>
    public IReadOnlyList<ReminderView> Reminders { get; init; } = [];

    /// <summary>The alert e-mails about the case to its handler and supervisor, in the order they were claimed.</summary>
    public IReadOnlyList<AlertView> Alerts { get; init; } = [];

    /// <summary>The acknowledgement to the customer; null when acknowledgements were off when the case opened.</summary>
    public AcknowledgementView? Acknowledgement { get; init; }

    /// <summary>The case as shown at <paramref name="now"/> (days waiting count to it); null when there is no such case.</summary>
    public static CaseView? Load(ArchiveStore store, string registrationNumber, DateTimeOffset now)
    {
        var record = store.FindCase(registrationNumber);
        if (record is null)
        {
            return null;
        }

        ArgumentNullException.ThrowIfNull(store);
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
            d.ReceivedAt)
        {
            Id = d.Id,
            FromCompany = d.FromCompany,
            WrittenBy = ReplyWriters.WriterOf(d),
            Links = DocumentLinks.Of(d),
        }).ToList();
        var history = store.GetHistory(record.Id).Select(e => new CaseEventView(e.At, e.Actor, e.Kind, e.Detail)).ToList();
        return new CaseView(
            record.RegistrationNumber,
            ArchiveWords.Word(record.Status),
            ArchiveWords.Word(record.Category),
            Math.Round(record.CategoryConfidence, 4),
            record.SuggestedCategory is { } suggested ? ArchiveWords.Word(suggested) : null,
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
            NextAlertAt = record.NextAlertAt,
            Reminders = [.. store.GetReminders(record.Id).OrderBy(r => r.DueAt).Select(r => new ReminderView(r.DueAt, r.Note, r.By))],
            Alerts = [.. store.GetAlerts(record.Id).Select(AlertView.From)],
            Acknowledgement = record.Acknowledgement is { } acknowledgement ? AcknowledgementView.From(acknowledgement) : null,
        };
    }
}

public sealed record CaseDocumentView(
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
    DateTimeOffset ReceivedAt)
{
    /// <summary>The document's id, which names its original for download.</summary>
    public string Id { get; init; } = "";

    /// <summary>True for a message the company sent to the customer (a reply), false for what the customer sent.</summary>
    public bool FromCompany { get; init; }

    /// <summary>The login of the person who wrote it in Capture (a reply sent from the case); null for what was captured.</summary>
    public string? WrittenBy { get; init; }

    /// <summary>Where the web serves the original, the searchable PDF and the page previews.</summary>
    public DocumentLinks Links { get; init; } = new("", null, []);
}

public sealed record PageView(int Number, bool Ocr, double? Confidence, int Rotation, double Skew);

public sealed record CaseEventView(DateTimeOffset At, string Actor, string Kind, string Detail);

public sealed record ReminderView(DateTimeOffset DueAt, string Note, string By);

/// <summary>One alert e-mail: what, to whom, when it fell due, and whether the mail server took it.</summary>
public sealed record AlertView(string Kind, string? Person, string? Recipient, DateTimeOffset DueAt, string State, DateTimeOffset? SentAt, string? MessageId, string? Error)
{
    public static AlertView From(CaseAlert alert) => new(
        ArchiveWords.Word(alert.Kind), alert.Person, alert.Recipient, alert.DueAt, ArchiveWords.Word(alert.State), alert.SentAt, alert.MessageId, alert.Error);
}

/// <summary>The acknowledgement to the customer: its state, to whom, and why it was not sent when it was not.</summary>
public sealed record AcknowledgementView(string State, string? Recipient, string? Language, string? MessageId, string? Reason, DateTimeOffset At)
{
    public static AcknowledgementView From(CaseAcknowledgement acknowledgement) => new(
        ArchiveWords.Word(acknowledgement.State), acknowledgement.Recipient, acknowledgement.Language, acknowledgement.MessageId, acknowledgement.Reason, acknowledgement.At);
}
