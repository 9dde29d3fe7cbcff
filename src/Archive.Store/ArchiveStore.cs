using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Classification;
using Archive.Store.Contacts;
using Archive.Store.Deadlines;
using Archive.Store.Documents;
using Archive.Store.Files;
using Archive.Store.Intake;
using Archive.Store.Quarantine;
using Archive.Store.Registration;
using Archive.Store.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Archive.Store;

/// <summary>
/// The archive of record: cases, documents and their immutable originals, registration numbers, the intake
/// ledger, quarantine and the audit history, on one LiteDB file (<c>capture.db</c>) and the file system
/// below <see cref="RootDirectory"/>.
/// </summary>
/// <remarks>
/// Every public member is synchronous and serialised by one lock: LiteDB 5 binds a transaction to its thread,
/// and a capture (number, files, records, audit, ledger) must be one transaction. The store owns the
/// database file exclusively; open one instance per archive per process.
/// </remarks>
public sealed partial class ArchiveStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger<ArchiveStore> _logger;
    private readonly ArchivePaths _paths;
    private readonly ArchiveDatabase _database;
    private readonly IntakeLedger _ledger;
    private readonly StoreTransactions _transactions;
    private readonly CaseCapture _capture;
    private readonly CaseReclassification _reclassification;
    private readonly ContactDirectory _contacts;
    private readonly DeadlineClock _deadlines;
    private bool _disposed;

    /// <summary>Opens the archive, creating the root folder and the database when they do not exist.</summary>
    /// <param name="options">The archive settings.</param>
    /// <param name="timeProvider">The clock for every time stamp and for the registration year.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem with its key and fix.</exception>
    /// <exception cref="ArchiveUnavailableException">The root folder cannot be created or the database cannot be opened (for example, another process holds it).</exception>
    public ArchiveStore(ArchiveStoreOptions options, TimeProvider timeProvider, ILogger<ArchiveStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid archive settings: " + string.Join(" ", errors), nameof(options));
        }

        _time = timeProvider;
        _logger = logger;
        _paths = new ArchivePaths(options.RootDirectory);
        _database = OpenDatabase(_paths.Root);
        _ledger = new IntakeLedger(_database);
        _transactions = new StoreTransactions(_database, logger);
        _contacts = new ContactDirectory(_database);
        _deadlines = DeadlineClock.Create(options.Deadlines, timeProvider.LocalTimeZone, _database);
        RegistrationNumbers = RegistrationNumberFormat.Parse(options.RegistrationNumberFormat);
        _capture = new CaseCapture(
            _database,
            _transactions,
            new RegistrationNumberAllocator(_database, RegistrationNumbers, logger),
            TaxonomyTemplate.Create(options.TaxonomyTemplate, options.ResolveCategoryFolders()),
            new DocumentFiler(_paths),
            _ledger,
            _contacts,
            _deadlines,
            timeProvider,
            logger);
        _reclassification = new CaseReclassification(_database, _transactions, _deadlines);
        ArchiveStoreLog.StoreOpened(logger, _paths.Root);
    }

    /// <summary>The absolute archive root.</summary>
    public string RootDirectory => _paths.Root;

    /// <summary>The configured registration number format; finds numbers quoted in follow-ups.</summary>
    public RegistrationNumberFormat RegistrationNumbers { get; }

    /// <summary>
    /// Claims a source item before work on it begins. Idempotent: a known key returns its existing entry, whose
    /// <see cref="IntakeClaim.State"/> says whether it is still unfinished or already committed, quarantined or a
    /// duplicate; an unfinished one counts another <see cref="IntakeClaim.Attempts"/>. An unknown key is inserted as
    /// <see cref="IntakeState.Claimed"/>. Keys are compared case-sensitively.
    /// </summary>
    /// <param name="sourceKey">The source's unique key for the item.</param>
    /// <param name="sourceName">The source name.</param>
    /// <param name="sha256">The item's content hash, if the source knows it already.</param>
    /// <returns>The ledger entry.</returns>
    /// <exception cref="ArgumentException"><paramref name="sourceKey"/> or <paramref name="sourceName"/> is null or blank.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IntakeClaim Claim(string sourceKey, string sourceName, string? sha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _ledger.Claim(sourceKey, sourceName, NormalizeSha256(sha256), _time.GetUtcNow());
        }
    }

    /// <summary>
    /// Claims several source items of one source in one transaction (one disk flush instead of one per item), with the
    /// same rules as <see cref="Claim"/> for each. Sources that read in batches claim a batch before working on it.
    /// </summary>
    /// <param name="sourceKeys">The items' keys; duplicates are claimed once.</param>
    /// <param name="sourceName">The source name.</param>
    /// <returns>The ledger entry of each distinct key, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sourceKeys"/> is null.</exception>
    /// <exception cref="ArgumentException">A key or <paramref name="sourceName"/> is null or blank.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<IntakeClaim> ClaimAll(IReadOnlyList<string> sourceKeys, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceKeys);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        foreach (var key in sourceKeys)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(sourceKeys));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            var claims = new List<IntakeClaim>(sourceKeys.Count);
            InTransaction(() => claims.AddRange(sourceKeys.Distinct(StringComparer.Ordinal).Select(key => _ledger.Claim(key, sourceName, null, now))));
            return claims;
        }
    }

    /// <summary>
    /// Runs several writes (<see cref="OpenCase"/>, <see cref="JoinCase"/>, <see cref="MarkDuplicate"/>,
    /// <see cref="Quarantine"/>, claims) as one transaction, a group commit: they are all kept, or none of them and
    /// none of their files. Writing many captures this way costs one set of disk flushes instead of one per capture.
    /// Reads inside see the group's own writes, so a follow-up finds the case opened earlier in the same group.
    /// </summary>
    /// <typeparam name="T">What <paramref name="writes"/> returns.</typeparam>
    /// <param name="writes">The writes; synchronous, on the calling thread. If one of them throws, let it propagate: a write
    /// that failed inside the group cannot be undone on its own, so the whole group is rolled back.</param>
    /// <returns>What <paramref name="writes"/> returned, after the commit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="writes"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Groups were nested, or a write inside failed and the failure was caught.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <remarks>Any exception of a write inside propagates unchanged, after the rollback. Other threads wait for the store meanwhile.</remarks>
    public T InOneTransaction<T>(Func<T> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _transactions.RunGroup(writes);
        }
    }

    /// <summary>Looks up a source item in the intake ledger without claiming it (sources use it to skip finished items cheaply).</summary>
    /// <param name="sourceKey">The source's key for the item.</param>
    /// <returns>The ledger entry, or null when the item was never claimed.</returns>
    /// <exception cref="ArgumentException"><paramref name="sourceKey"/> is null or blank.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IntakeClaim? FindClaim(string sourceKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        return Read(() => _ledger.Find(sourceKey));
    }

    /// <summary>Reads how far an ordered source stream has been read (see <see cref="SourceWatermark"/>).</summary>
    /// <param name="streamKey">The stream's key.</param>
    /// <returns>The position, or 0 for a stream never read.</returns>
    /// <exception cref="ArgumentException"><paramref name="streamKey"/> is null or blank.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public long GetWatermark(string streamKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamKey);
        return Read(() => _database.Watermarks.FindById(streamKey)?.Position ?? 0);
    }

    /// <summary>
    /// Moves a stream's watermark forward. It never moves back: a stale caller cannot make finished items be read again
    /// by mistake, and a stream that restarts its numbering (a new IMAP UIDVALIDITY) gets a new key instead.
    /// </summary>
    /// <param name="streamKey">The stream's key.</param>
    /// <param name="position">The highest position up to which every item is finished.</param>
    /// <exception cref="ArgumentException"><paramref name="streamKey"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public void AdvanceWatermark(string streamKey, long position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamKey);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _database.Watermarks.FindById(streamKey);
            if (current is not null && current.Position >= position)
            {
                return;
            }

            _database.Watermarks.Upsert(new SourceWatermark { StreamKey = streamKey, Position = position, UpdatedAt = _time.GetUtcNow() });
        }
    }

    /// <summary>
    /// Records that a claimed item's content is already archived, so it is not archived again. When
    /// <paramref name="existingRegistrationNumber"/> names a known case, its history gets a
    /// <see cref="CaseEventKinds.DuplicateReceived"/> event.
    /// </summary>
    /// <param name="sourceKey">The key the item was claimed under.</param>
    /// <param name="existingRegistrationNumber">The case that already holds the content.</param>
    /// <exception cref="ArgumentException">An argument is null or blank.</exception>
    /// <exception cref="InvalidOperationException">No claim exists for <paramref name="sourceKey"/>; call <see cref="Claim"/> first.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public void MarkDuplicate(string sourceKey, string existingRegistrationNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(existingRegistrationNumber);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var claim = _ledger.Find(sourceKey)
                ?? throw new InvalidOperationException($"No intake claim exists for '{sourceKey}'; call Claim before marking it a duplicate.");
            var now = _time.GetUtcNow();
            var existingCase = _database.FindCaseByRegistrationNumber(existingRegistrationNumber.Trim());
            InTransaction(() =>
            {
                _ledger.Complete(sourceKey, claim.SourceName, IntakeState.Duplicate, existingCase?.RegistrationNumber ?? existingRegistrationNumber.Trim(), now);
                if (existingCase is not null)
                {
                    _database.Events.Insert(CaseEvents.ByCapture(existingCase.Id, now, CaseEventKinds.DuplicateReceived,
                        $"The same content arrived again from {claim.SourceName} ({sourceKey}) and was not archived twice."));
                }
            });
            ArchiveStoreLog.DuplicateMarked(_logger, sourceKey, existingRegistrationNumber);
        }
    }

    /// <summary>
    /// Opens a new case in one transaction: allocates its registration number, writes the originals and their
    /// text into the case folder, inserts the case, documents and an <see cref="CaseEventKinds.Opened"/> event,
    /// and marks the claim committed. On any failure nothing is kept: the transaction rolls back (the number is
    /// not consumed) and the files written are deleted.
    /// </summary>
    /// <param name="newCase">What is known about the case.</param>
    /// <param name="documents">The documents, letter first; attachments point at their e-mail with <see cref="NewDocument.ParentIndex"/>.</param>
    /// <param name="sourceKey">The intake ledger key to mark committed, if the item was claimed.</param>
    /// <returns>The new case and its documents.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newCase"/> or <paramref name="documents"/> (or one of them, or its content callback) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="documents"/> is empty or has a bad parent index.</exception>
    /// <exception cref="CaptureAlreadyCompletedException">The ledger shows <paramref name="sourceKey"/> as already committed or duplicate.</exception>
    /// <exception cref="IOException">A file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The archive folder is not writable.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <remarks>Any exception thrown by a document's <see cref="NewDocument.OpenContent"/> or its stream propagates unchanged, after the rollback.</remarks>
    public CaptureCommit OpenCase(NewCase newCase, IReadOnlyList<NewDocument> documents, string? sourceKey)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        DocumentFiler.Validate(documents, nameof(documents));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _capture.Open(newCase, documents, sourceKey);
        }
    }

    /// <summary>
    /// Adds documents to an existing case in one transaction: writes the originals and their text into the case
    /// folder (numbered after the documents already there), inserts the documents and one
    /// <see cref="CaseEventKinds.DocumentAdded"/> event per document, updates the case's
    /// <see cref="CaseRecord.UpdatedAt"/> and marks the claim committed. On failure nothing is kept.
    /// The case's status is left as it is: moving it is the lifecycle's decision, not the archive's.
    /// The events are the capture's (<see cref="CaseEventKinds.CaptureActor"/>), or, for documents a person wrote in
    /// Capture (<see cref="NewDocument.WrittenBy"/>, a reply sent from the case), that person's.
    /// </summary>
    /// <param name="registrationNumber">The case's registration number (trimmed, case-insensitive).</param>
    /// <param name="documents">The documents to add.</param>
    /// <param name="sourceKey">The intake ledger key to mark committed, if the item was claimed.</param>
    /// <param name="author">Who wrote the item: the customer (the case becomes pending on the company, a closed one reopens) or the company (a reply: pending on the customer).</param>
    /// <returns>The updated case and the documents added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> or <paramref name="documents"/> (or one of them, or its content callback) is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="documents"/> is empty or has a bad parent index.</exception>
    /// <exception cref="CaseNotFoundException">No case has that registration number.</exception>
    /// <exception cref="CaptureAlreadyCompletedException">The ledger shows <paramref name="sourceKey"/> as already committed or duplicate.</exception>
    /// <exception cref="IOException">A file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The archive folder is not writable.</exception>
    /// <exception cref="LiteException">The database rejected the write.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaptureCommit JoinCase(string registrationNumber, IReadOnlyList<NewDocument> documents, string? sourceKey, MessageAuthor author = MessageAuthor.Customer)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        DocumentFiler.Validate(documents, nameof(documents));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var caseRecord = _database.FindCaseByRegistrationNumber(registrationNumber.Trim())
                ?? throw CaseNotFoundException.ForRegistrationNumber(registrationNumber);
            return _capture.Join(caseRecord, documents, sourceKey, author);
        }
    }

    /// <summary>Turns an archive-relative path (as in <see cref="DocumentRecord.ArchivePath"/>) into an absolute one.</summary>
    /// <param name="archiveRelativePath">The relative path, with <c>/</c> or <c>\</c> separators.</param>
    /// <returns>The absolute path below <see cref="RootDirectory"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="archiveRelativePath"/> is null.</exception>
    /// <exception cref="ArgumentException">The path contains NUL, is absolute elsewhere, or climbs out of <see cref="RootDirectory"/>.</exception>
    public string ResolvePath(string archiveRelativePath) => _paths.Resolve(archiveRelativePath);

    /// <summary>Closes the database. Further calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _database.Dispose();
        }
    }

    private static ArchiveDatabase OpenDatabase(string root)
    {
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ArchiveUnavailableException(
                $"{ArchiveStoreOptions.SectionName}:{nameof(ArchiveStoreOptions.RootDirectory)} '{root}' cannot be created: {exception.Message} Point it at a writable folder.", exception);
        }

        var path = Path.Combine(root, ArchiveDatabase.FileName);
        try
        {
            return new ArchiveDatabase(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LiteException)
        {
            throw new ArchiveUnavailableException(
                $"The archive database {path} cannot be opened: {exception.Message} Make sure no other Capture process uses {ArchiveStoreOptions.SectionName}:{nameof(ArchiveStoreOptions.RootDirectory)} and that the file is readable and writable.", exception);
        }
    }

    private static string? NormalizeSha256(string? sha256) =>
        string.IsNullOrWhiteSpace(sha256) ? null : sha256.Trim().ToLowerInvariant();

    private static IEnumerable<DocumentRecord> InCaptureOrder(IEnumerable<DocumentRecord> documents) => documents
        .OrderBy(d => d.CapturedAt)
        .ThenBy(d => d.Id, StringComparer.Ordinal);

    private T Read<T>(Func<T> query)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return query();
        }
    }

    private void InTransaction(Action work) => _transactions.Run(work);
}
