using Archive.Store.Audit;
using Archive.Store.Contacts;
using Archive.Store.Deadlines;
using Archive.Store.Documents;
using Archive.Store.Files;
using Archive.Store.Intake;
using Archive.Store.Registration;
using Archive.Store.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Archive.Store.Cases;

/// <summary>
/// Opens and joins cases, each as one LiteDB transaction (or part of a group, see <see cref="StoreTransactions"/>):
/// number, files, records, audit event and intake ledger commit together or not at all. Files are written before the commit, so a committed record never
/// lacks its file; if anything fails, the transaction rolls back and the files written are deleted.
/// The caller holds the store's lock.
/// </summary>
internal sealed class CaseCapture
{
    private readonly ArchiveDatabase _database;
    private readonly StoreTransactions _transactions;
    private readonly RegistrationNumberAllocator _allocator;
    private readonly TaxonomyTemplate _taxonomy;
    private readonly DocumentFiler _filer;
    private readonly IntakeLedger _ledger;
    private readonly ContactDirectory _contacts;
    private readonly DeadlineClock _deadlines;
    private readonly CaseAssignments _assignments;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CaseCapture(
        ArchiveDatabase database,
        StoreTransactions transactions,
        RegistrationNumberAllocator allocator,
        TaxonomyTemplate taxonomy,
        DocumentFiler filer,
        IntakeLedger ledger,
        ContactDirectory contacts,
        DeadlineClock deadlines,
        TimeProvider time,
        ILogger logger)
    {
        _database = database;
        _transactions = transactions;
        _allocator = allocator;
        _taxonomy = taxonomy;
        _filer = filer;
        _ledger = ledger;
        _contacts = contacts;
        _deadlines = deadlines;
        _assignments = new CaseAssignments(database);
        _time = time;
        _logger = logger;
    }

    public CaptureCommit Open(NewCase newCase, IReadOnlyList<NewDocument> documents, string? sourceKey) =>
        InTransaction(newCase.Source, files =>
        {
            _ledger.EnsureNotCompleted(sourceKey);
            var now = _time.GetUtcNow();
            var localNow = _time.GetLocalNow();
            var number = _allocator.Allocate(localNow.Year);
            var caseRecord = new CaseRecord
            {
                Id = ObjectId.NewObjectId().ToString(),
                RegistrationNumber = number.Number,
                RegistrationYear = number.Year,
                RegistrationSequence = number.Sequence,
                Status = CaseStatus.NotStarted,
                Category = newCase.Category,
                CategoryConfidence = newCase.CategoryConfidence,
                SuggestedCategory = newCase.Category == CaseCategory.Unclassified ? newCase.SuggestedCategory : null,
                Language = newCase.Language,
                ContactName = newCase.ContactName,
                ContactEmail = newCase.ContactEmail,
                Subject = newCase.Subject,
                Source = newCase.Source ?? "",
                ReceivedAt = newCase.ReceivedAt,
                WaitingSince = newCase.ReceivedAt,
                OpenedAt = now,
                UpdatedAt = now,
                ArchivePath = _taxonomy.Build(newCase.Category, localNow, number.Number),
                Product = newCase.Product,
            };

            caseRecord.ContactId = _contacts.Link(newCase, caseRecord.RegistrationNumber, now)?.Id;
            _deadlines.Start(caseRecord, newCase.ReceivedAt);
            caseRecord.Acknowledgement = AcknowledgementRecord.Planned(newCase.Acknowledgement, now);
            foreach (var leftovers in LeftoverFolders(number.Number, localNow).Select(folder => _filer.SetAsideLeftovers(folder, now)).OfType<string>())
            {
                ArchiveStoreLog.LeftoversSetAside(_logger, caseRecord.RegistrationNumber, leftovers);
            }

            var records = _filer.WriteAll(files, caseRecord, documents, firstOrdinal: 1, now);
            var assigned = newCase.Assignee is { } assignee ? _assignments.Choose(assignee) : null;
            (caseRecord.Handler, caseRecord.Team) = (assigned?.Handler, assigned?.Team);
            _database.Cases.Insert(caseRecord);
            _database.Documents.InsertBulk(records);
            _database.Events.Insert(CaseEvents.ByCapture(caseRecord.Id, now, CaseEventKinds.Opened,
                $"Opened from {caseRecord.Source} with {records.Count} document(s)."));
            if (assigned is not null)
            {
                var reason = string.IsNullOrWhiteSpace(newCase.AssignmentReason) ? "" : $" by {newCase.AssignmentReason.Trim()}";
                _database.Events.Insert(CaseEvents.ByCapture(caseRecord.Id, now, CaseEventKinds.Assigned, $"Assigned to {assigned.Description}{reason}."));
            }

            if (AcknowledgementRecord.SkippedEvent(caseRecord, now) is { } skipped)
            {
                _database.Events.Insert(skipped);
            }

            if (sourceKey is not null)
            {
                _ledger.Complete(sourceKey, caseRecord.Source, IntakeState.Committed, caseRecord.RegistrationNumber, now);
            }

            CrashPoints.Reach(CrashPoints.CaseOpenBeforeCommit);
            ArchiveStoreLog.CaseOpened(_logger, caseRecord.RegistrationNumber, caseRecord.Source, records.Count);
            return new CaptureCommit(caseRecord, records);
        });

    /// <summary>Marks the document-added events of a company's reply in their detail; alerts tell them from a customer's (see <see cref="ArchiveStore.IsCustomerMessage"/>).</summary>
    internal const string CompanyReplyMark = ", the company's reply";

    public CaptureCommit Join(CaseRecord caseRecord, IReadOnlyList<NewDocument> documents, string? sourceKey, MessageAuthor author)
    {
        var source = documents[0].Source ?? "";
        return InTransaction(source, files =>
        {
            _ledger.EnsureNotCompleted(sourceKey);
            var now = _time.GetUtcNow();
            var nextOrdinal = _database.Documents.Find(d => d.CaseId == caseRecord.Id).Select(d => d.Ordinal).DefaultIfEmpty(0).Max() + 1;
            var records = _filer.WriteAll(files, caseRecord, documents, nextOrdinal, now);
            foreach (var record in records)
            {
                record.FromCompany = author == MessageAuthor.Company;
            }

            // A reply written in Capture is its writer's doing, the status it moves the case to included; the rest is the capture's.
            var actor = records.Select(r => r.WrittenBy).FirstOrDefault(w => w is not null) ?? CaseEventKinds.CaptureActor;
            caseRecord.UpdatedAt = now;
            var before = caseRecord.Status;
            var after = CaseLifecycle.AfterMessage(author, before);
            if (after != before)
            {
                var deadlineChange = CaseLifecycle.Apply(caseRecord, after, now, _deadlines);
                _database.Events.Insert(CaseEvents.By(actor, caseRecord.Id, now, CaseEventKinds.StatusChanged,
                    author == MessageAuthor.Company ? $"{before} → {after}: the company replied to the customer." : $"{before} → {after}: the customer wrote again."));
                _database.Events.Insert(CaseEvents.Of(deadlineChange, actor, caseRecord.Id, now));
            }

            _database.Cases.Update(caseRecord);
            _database.Documents.InsertBulk(records);
            foreach (var record in records)
            {
                _database.Events.Insert(CaseEvents.By(actor, caseRecord.Id, now, CaseEventKinds.DocumentAdded,
                    $"{record.StoredFileName} ({record.Role}{(author == MessageAuthor.Company ? CompanyReplyMark : "")}) added from {record.Source}."));
            }

            if (sourceKey is not null)
            {
                _ledger.Complete(sourceKey, source, IntakeState.Committed, caseRecord.RegistrationNumber, now);
            }

            ArchiveStoreLog.DocumentsJoined(_logger, caseRecord.RegistrationNumber, source, records.Count);
            return new CaptureCommit(caseRecord, records);
        });
    }

    private T InTransaction<T>(string source, Func<PendingFiles, T> work)
    {
        try
        {
            return _transactions.Run(work);
        }
        catch (Exception exception)
        {
            ArchiveStoreLog.CaptureRolledBack(_logger, source, exception);
            throw;
        }
    }

    /// <summary>
    /// Every folder a capture of this number could have written before a crash: the number is allocated again after a
    /// transaction that never committed, but that capture may have been filed under another category, or the day before
    /// (across midnight, or a month's end).
    /// </summary>
    private IEnumerable<string> LeftoverFolders(string registrationNumber, DateTimeOffset localNow) =>
        Enum.GetValues<CaseCategory>()
            .SelectMany(category => new[] { localNow, localNow.AddDays(-1) }.Select(day => _taxonomy.Build(category, day, registrationNumber)))
            .Distinct(StringComparer.Ordinal);
}
