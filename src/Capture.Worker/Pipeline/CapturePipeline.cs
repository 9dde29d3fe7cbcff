using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Archive.Store.Intake;
using Archive.Store.Quarantine;
using Capture.Classifier.Classification;
using Capture.Classifier.Extraction;
using Capture.Classifier.Metadata;
using Capture.Classifier.Understanding;
using Capture.Worker.Cases.Assignment;
using Capture.Worker.Hosting;
using Capture.Worker.Notifications.Acknowledgements;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Pipeline;

/// <summary>
/// Captures one item end to end: claim it in the intake ledger, extract its text, understand it, file it into a new
/// or existing case in one store transaction, and index it for search. Every source (import, drop folder, mailbox)
/// goes through here, so the exactly-once and quarantine rules hold for all of them.
/// </summary>
public sealed partial class CapturePipeline
{
    private readonly IDocumentTextExtractor _extractor;
    private readonly ItemAnalyzer _analyzer;
    private readonly ArchiveStore _store;
    private readonly CaseIndexer _indexer;
    private readonly FollowUpMatcher _followUps;
    private readonly AssignmentRules _assignment;
    private readonly AcknowledgementPolicy _acknowledgements;
    private readonly AcknowledgementSignal _acknowledgementSignal;
    private readonly TimeProvider _time;
    private readonly CaptureOptions _options;
    private readonly ILogger<CapturePipeline> _logger;
    private readonly KeyedLock _contentLock = new();

    public CapturePipeline(
        IDocumentTextExtractor extractor,
        ItemAnalyzer analyzer,
        ArchiveStore store,
        CaseIndexer indexer,
        FollowUpMatcher followUps,
        AssignmentRules assignment,
        AcknowledgementPolicy acknowledgements,
        AcknowledgementSignal acknowledgementSignal,
        TimeProvider time,
        IOptions<CaptureOptions> options,
        ILogger<CapturePipeline> logger)
    {
        _extractor = extractor;
        _analyzer = analyzer;
        _store = store;
        _indexer = indexer;
        _followUps = followUps;
        _assignment = assignment;
        _acknowledgements = acknowledgements;
        _acknowledgementSignal = acknowledgementSignal;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Captures <paramref name="item"/>. Bad input ends in a quarantine record, never in an exception.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; the item stays claimed and is retried later.</exception>
    public async Task<CaptureResult> CaptureAsync(CaptureItem item, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(item, cancellationToken).ConfigureAwait(false);
        return await FileAsync(prepared, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Captures an item its source has claimed already (<see cref="ArchiveStore.Claim"/>), so the attempt is counted once.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; the item stays claimed and is retried later.</exception>
    internal async Task<CaptureResult> CaptureClaimedAsync(CaptureItem item, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(item, alreadyClaimed: true, cancellationToken).ConfigureAwait(false);
        return await FileAsync(prepared, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of a capture, which may run for several items at once: hash, claim, extract and understand.
    /// Items that end here (duplicates by content, unreadable or automatic mail) carry their result already.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; the item stays claimed and is retried later.</exception>
    internal Task<PreparedCapture> PrepareAsync(CaptureItem item, CancellationToken cancellationToken) =>
        PrepareAsync(item, alreadyClaimed: false, cancellationToken);

    /// <summary>Prepares an item; <paramref name="alreadyClaimed"/> when its source claimed it with others (<see cref="ArchiveStore.ClaimAll"/>).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; the item stays claimed and is retried later.</exception>
    internal async Task<PreparedCapture> PrepareAsync(CaptureItem item, bool alreadyClaimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        _indexer.CatchUp();
        string sha256;
        try
        {
            sha256 = ContentHash.Compute(item.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PreparedCapture(item, null, Quarantine(item, sha256: null, $"The file could not be read: {ex.Message}"));
        }

        if (!alreadyClaimed && _store.Claim(item.SourceKey, item.SourceName, sha256) is { State: IntakeState.Committed or IntakeState.Duplicate } finished)
        {
            return new PreparedCapture(item, sha256, Duplicate(item, finished.RegistrationNumber));
        }

        if (_store.FindDocumentBySha256(sha256) is { } sameContent)
        {
            _store.MarkDuplicate(item.SourceKey, sameContent.RegistrationNumber);
            return new PreparedCapture(item, sha256, Duplicate(item, sameContent.RegistrationNumber));
        }

        ExtractedDocument document;
        try
        {
            document = await _extractor.ExtractAsync(item.Path, item.OriginalFileName, cancellationToken).ConfigureAwait(false);
        }
        catch (UnreadableDocumentException ex)
        {
            return new PreparedCapture(item, sha256, Quarantine(item, sha256, ex.Message));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault in a decoder is this item's problem, not the line's: record it where a person will see it.
            LogUnexpectedExtractionFailure(ex, item.OriginalFileName, item.SourceName);
            return new PreparedCapture(item, sha256, Quarantine(item, sha256, $"Capture failed while reading this item ({ex.GetType().Name}: {ex.Message}). Retry it after an upgrade or report it."));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (document.Mail is { Kind: not MailKind.Personal } automatic)
        {
            return new PreparedCapture(item, sha256, Quarantine(item, sha256, NotFromACustomer(automatic.Kind)));
        }

        if (HasNoText(document))
        {
            return new PreparedCapture(item, sha256, Quarantine(item, sha256, NoTextReason(document)));
        }

        ItemAnalysis analysis;
        try
        {
            analysis = _analyzer.Analyze(document);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault in language, category or metadata is this item's problem too: it waits in quarantine, not in a loop.
            LogUnexpectedExtractionFailure(ex, item.OriginalFileName, item.SourceName);
            return new PreparedCapture(item, sha256, Quarantine(item, sha256, $"Capture failed while understanding this item ({ex.GetType().Name}: {ex.Message}). Retry it after an upgrade or report it."));
        }

        return new PreparedCapture(item, sha256, null) { Document = document, Analysis = analysis };
    }

    /// <summary>
    /// The second half: file a prepared item into a new or existing case and index it. Items filed one after another
    /// in arrival order let a follow-up find the case its predecessor opened; the content lock keeps two items with
    /// the same content, prepared at the same time, from opening two cases.
    /// </summary>
    internal async Task<CaptureResult> FileAsync(PreparedCapture prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Result is { } early)
        {
            return early;
        }

        return Complete(await FileAloneAsync(prepared, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Files one prepared item in a transaction of its own, under its content lock.</summary>
    private async Task<Filing> FileAloneAsync(PreparedCapture prepared, CancellationToken cancellationToken)
    {
        using (await _contentLock.AcquireAsync(prepared.Sha256!, cancellationToken).ConfigureAwait(false))
        {
            return FileLocked(prepared);
        }
    }

    /// <summary>
    /// Files a prepared item in the store: a duplicate by content or Message-ID, a follow-up joining its case, or a new
    /// case. Synchronous, so that several can share one store transaction; the caller holds the item's content lock and
    /// calls <see cref="Complete"/> once the store has committed.
    /// </summary>
    private Filing FileLocked(PreparedCapture prepared)
    {
        var item = prepared.Item;
        var document = prepared.Document!;
        if (_store.FindDocumentBySha256(prepared.Sha256!) is { } sameContent)
        {
            _store.MarkDuplicate(item.SourceKey, sameContent.RegistrationNumber);
            return new Filing(Duplicate(item, sameContent.RegistrationNumber), null, []);
        }

        if (document.Mail?.MessageId is { Length: > 0 } messageId && _store.FindCaseByMessageId(messageId) is { } sameMessage)
        {
            _store.MarkDuplicate(item.SourceKey, sameMessage.RegistrationNumber);
            return new Filing(Duplicate(item, sameMessage.RegistrationNumber), null, []);
        }

        var analysis = prepared.Analysis!;
        var receivedAt = _time.GetUtcNow();
        var documents = CapturedDocuments.From(item, document, analysis, receivedAt, _options.ReviewBelowOcrConfidence);
        var followUpOf = _followUps.FindCase(document);
        var category = ArchiveVocabulary.ToCaseCategory(analysis.Category.Category);
        var assignment = followUpOf is null ? Assign(category, analysis, document, documents.Texts) : null;
        var commit = followUpOf is null
            ? _store.OpenCase(
                new NewCase(
                    category,
                    analysis.Category.Confidence,
                    analysis.Language.Language,
                    analysis.Metadata.Contact.Name,
                    analysis.Metadata.Contact.Email,
                    document.Mail?.Subject,
                    item.SourceName,
                    receivedAt)
                {
                    SuggestedCategory = SuggestedCategory(analysis.Category, item.CategoryHint),
                    ContactPhone = analysis.Metadata.Contact.Phone,
                    ContactAddress = analysis.Metadata.Address?.ToString(),
                    ContactPostcode = analysis.Metadata.Postcode,
                    Assignee = assignment?.Assignee,
                    AssignmentReason = assignment?.Reason,
                    Product = assignment?.Product,
                    Acknowledgement = _acknowledgements.Decide(analysis.Metadata.Contact.Email, isMail: document.Mail is not null, analysis.Metadata.WrittenByCompany),
                },
                documents.Records,
                item.SourceKey)
            : _store.JoinCase(followUpOf.RegistrationNumber, documents.Records, item.SourceKey, analysis.Metadata.WrittenByCompany ? MessageAuthor.Company : MessageAuthor.Customer);
        var outcome = followUpOf is null ? CaptureOutcome.Opened : CaptureOutcome.Joined;
        return new Filing(Filed(item, outcome, commit, document, analysis, documents.Problems), commit, documents.Texts);
    }

    /// <summary>
    /// Who a new case goes to and what product it is about, by the configured rules. Decided here, with the item's text
    /// at hand, and passed to the store, which opens the case assigned in the same transaction (a team's member is
    /// chosen there, inside its lock, so concurrent captures spread over the team).
    /// </summary>
    private AssignmentDecision? Assign(CaseCategory category, ItemAnalysis analysis, ExtractedDocument document, IReadOnlyList<string> texts) =>
        _assignment.IsEmpty
            ? null
            : _assignment.Decide(new AssignmentFacts(
                category,
                analysis.Language.Language,
                analysis.Metadata.Contact.Email ?? document.Mail?.FromAddress,
                FoldedText.Of([document.Mail?.Subject, .. texts])));

    /// <summary>When the classifier abstained, its best guess still helps the person who triages the case.</summary>
    /// <remarks>What the customer said it is (the intake form's category) goes before the classifier's guess.</remarks>
    private static CaseCategory? SuggestedCategory(CategoryPrediction prediction, CaseCategory? hint) =>
        prediction.Category == DocumentCategory.Unclassified && hint is not null ? hint
        : prediction.Category == DocumentCategory.Unclassified && prediction.Scores.Count > 0
            ? ArchiveVocabulary.ToCaseCategory(prediction.Scores.MaxBy(s => s.Value).Key)
            : null;

    /// <summary>After the store committed a filing: index it and say so.</summary>
    private CaptureResult Complete(Filing filing)
    {
        if (filing.Commit is { } commit)
        {
            _indexer.Index(commit, filing.Texts);
            if (filing.Result.Outcome == CaptureOutcome.Joined)
            {
                LogJoined(commit.Case.RegistrationNumber, filing.Result.Item.SourceName);
            }
            else
            {
                LogOpened(commit.Case.RegistrationNumber, filing.Result.Item.SourceName, commit.Case.Category);
                if (commit.Case.Acknowledgement is { State: AcknowledgementState.Pending })
                {
                    _acknowledgementSignal.Notify();
                }
            }
        }

        return filing.Result;
    }

    private CaptureResult Filed(
        CaptureItem item,
        CaptureOutcome outcome,
        CaptureCommit commit,
        ExtractedDocument document,
        ItemAnalysis analysis,
        string? problems) => new()
        {
            Item = item,
            Outcome = outcome,
            RegistrationNumber = commit.Case.RegistrationNumber,
            Category = analysis.Category.Category,
            Confidence = analysis.Category.Confidence,
            Language = analysis.Language.Language,
            Contact = analysis.Metadata.Contact,
            References = analysis.Metadata.References,
            Dates = analysis.Metadata.Dates,
            Address = analysis.Metadata.Address,
            LetterDate = analysis.Metadata.LetterDate,
            Amounts = analysis.Metadata.Amounts,
            Findings = analysis.Metadata.Fields,
            ArchivePath = commit.Documents[0].ArchivePath,
            Pages = document.PageCount,
            Ocr = document.UsedOcr || document.Attachments.Any(a => a.Extracted?.UsedOcr == true),
            OcrConfidence = document.OcrConfidence,
            NeedsReview = CapturedDocuments.NeedsReview(document, _options.ReviewBelowOcrConfidence),
            Reason = problems,
        };

    /// <summary>Records <paramref name="item"/> as quarantined without reading it (too large, or failed too often).</summary>
    /// <param name="item">The item.</param>
    /// <param name="reason">Why, in words a person can act on.</param>
    /// <param name="attempts">How many attempts to capture it failed before.</param>
    internal CaptureResult Refuse(CaptureItem item, string reason, int attempts = 0) => Quarantine(item, sha256: null, reason, attempts);

    private CaptureResult Quarantine(CaptureItem item, string? sha256, string reason, int attempts = 0)
    {
        _store.Quarantine(new NewQuarantine(item.SourceName, item.SourceKey, item.OriginalFileName, reason, sha256, item.QuarantinePath)
        {
            Attempts = attempts,
            RetryOf = item.RetryOf,
        });
        LogQuarantined(item.OriginalFileName, item.SourceName, reason);
        return new CaptureResult { Item = item, Outcome = CaptureOutcome.Quarantined, Reason = reason };
    }

    private CaptureResult Duplicate(CaptureItem item, string? registrationNumber)
    {
        LogDuplicate(item.OriginalFileName, item.SourceName, registrationNumber);
        var existing = registrationNumber is null ? null : _store.FindCase(registrationNumber);
        var documents = existing is null ? [] : _store.GetDocuments(existing.Id);
        return new CaptureResult
        {
            Item = item,
            Outcome = CaptureOutcome.Duplicate,
            RegistrationNumber = registrationNumber,
            Category = existing is null ? DocumentCategory.Unclassified : ArchiveVocabulary.ToDocumentCategory(existing.Category),
            Confidence = existing?.CategoryConfidence ?? 0,
            Language = existing?.Language,
            Contact = new(existing?.ContactName, existing?.ContactEmail, null),
            References = new ReferenceNumbers(
                [.. documents.SelectMany(d => d.Orders).Distinct()],
                [.. documents.SelectMany(d => d.Invoices).Distinct()],
                [.. documents.SelectMany(d => d.Serials).Distinct()],
                [.. documents.SelectMany(d => d.Policies).Distinct()]),
            ArchivePath = documents.Count > 0 ? documents[0].ArchivePath : existing?.ArchivePath,
            Pages = documents.Count > 0 ? documents[0].PageCount : 0,
            Ocr = documents.Any(d => d.UsedOcr),
            OcrConfidence = documents.Count > 0 ? documents[0].OcrConfidence : null,
        };
    }

    /// <summary>An item with no text at all (blank scans) would open an empty case nobody can classify or find.</summary>
    private static bool HasNoText(ExtractedDocument document) =>
        string.IsNullOrWhiteSpace(document.Text) && document.Attachments.All(a => string.IsNullOrWhiteSpace(a.Extracted?.Text));

    private static string NoTextReason(ExtractedDocument document) => document.UsedOcr
        ? $"No text could be read from this item's {document.PageCount} page(s): they look blank, or the writing was not recognised. Check the original; rescan it if a page is missing."
        : "This item contains no text. Check the original; if it is an empty form or an empty message, it can be discarded.";

    private static string NotFromACustomer(MailKind kind) => kind switch
    {
        MailKind.DeliveryStatus => "This is a delivery-status report (a bounce), not a customer message; no case was opened and it will not be answered.",
        MailKind.AutoReply => "This is an automatic reply (out-of-office or auto-responder), not a customer message; no case was opened and it will not be answered.",
        MailKind.ReadReceipt => "This is a read receipt, not a customer message; no case was opened and it will not be answered.",
        _ => "This message was not written by a customer; no case was opened.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Captured {RegistrationNumber} from {Source} as {Category}")]
    private partial void LogOpened(string registrationNumber, string source, CaseCategory category);

    [LoggerMessage(Level = LogLevel.Information, Message = "Joined a follow-up from {Source} to {RegistrationNumber}")]
    private partial void LogJoined(string registrationNumber, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "{FileName} from {Source} was captured before as {RegistrationNumber}")]
    private partial void LogDuplicate(string fileName, string source, string? registrationNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {FileName} from {Source}: {Reason}")]
    private partial void LogQuarantined(string fileName, string source, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure reading {FileName} from {Source}")]
    private partial void LogUnexpectedExtractionFailure(Exception exception, string fileName, string source);
}
