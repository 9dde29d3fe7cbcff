using System.Globalization;
using Archive.Store.Alerts;
using Archive.Store.Cases;
using Archive.Store.Classification;
using Archive.Store.Contacts;
using Archive.Store.Documents;
using Archive.Store.Intake;
using Archive.Store.Quarantine;
using Archive.Store.Registration;
using Archive.Store.Replies;
using LiteDB;

namespace Archive.Store.Storage;

/// <summary>
/// The LiteDB file <c>capture.db</c>: its mapping, collections and indexes. Not thread-safe by itself;
/// <see cref="ArchiveStore"/> serialises every call.
/// </summary>
internal sealed class ArchiveDatabase : IDisposable
{
    public const string FileName = "capture.db";

    /// <summary>Held open exclusively while the store is open. LiteDB's direct mode does not stop a second
    /// process (or a second store in this process) from opening the same file, which would corrupt it and
    /// hand out registration numbers twice.</summary>
    public const string LockFileName = "capture.lock";

    // Case-sensitive, culture-free comparison: source keys such as file paths differ only in case on
    // Linux, and must never be taken for each other. Case-insensitive lookups use explicit UPPER indexes.
    private const int InvariantCultureLcid = 127;
    private const string RegistrationKeyExpression = "UPPER($.RegistrationNumber)";
    private const string AcknowledgementStateIndex = "AcknowledgementState";
    private const string AcknowledgementStateExpression = "$.Acknowledgement.State";
    private const string AcknowledgementMessageIdIndex = "AcknowledgementMessageId";
    private const string AcknowledgementMessageIdExpression = "$.Acknowledgement.MessageId";

    private readonly FileStream _lock;
    private readonly LiteDatabase _database;

    /// <exception cref="IOException">Another store holds the archive, or the file cannot be opened.</exception>
    public ArchiveDatabase(string path)
    {
        _lock = new FileStream(Path.Combine(Path.GetDirectoryName(path)!, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            _database = Open(path);
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

        Cases = _database.GetCollection<CaseRecord>("cases");
        Documents = _database.GetCollection<DocumentRecord>("documents");
        Events = _database.GetCollection<CaseEvent>("case_events");
        Claims = _database.GetCollection<IntakeClaim>("intake");
        Quarantine = _database.GetCollection<QuarantineRecord>("quarantine");
        Counters = _database.GetCollection<RegistrationCounter>("registration_counters");
        Watermarks = _database.GetCollection<SourceWatermark>("source_watermarks");
        Corrections = _database.GetCollection<CategoryCorrection>("category_corrections");
        Contacts = _database.GetCollection<ContactRecord>("contacts");
        ContactChanges = _database.GetCollection<ContactChange>("contact_changes");
        Reminders = _database.GetCollection<CaseReminder>("case_reminders");
        Alerts = _database.GetCollection<CaseAlert>("case_alerts");
        Replies = _database.GetCollection<OutboxReply>("reply_outbox");

        Cases.EnsureIndex(x => x.RegistrationNumber, unique: true);
        Cases.EnsureIndex("RegistrationKey", RegistrationKeyExpression, unique: true);
        Documents.EnsureIndex(x => x.CaseId);
        Documents.EnsureIndex(x => x.Sha256);
        Documents.EnsureIndex(x => x.MessageId);
        Events.EnsureIndex(x => x.CaseId);
        Corrections.EnsureIndex(x => x.CaseId);
        Contacts.EnsureIndex(x => x.Email, unique: true);
        ContactChanges.EnsureIndex(x => x.ContactId);
        Cases.EnsureIndex(x => x.ContactId);
        Reminders.EnsureIndex(x => x.CaseId);
        Cases.EnsureIndex(x => x.HandlerLoad);
        Cases.EnsureIndex(AcknowledgementStateIndex, AcknowledgementStateExpression);
        Cases.EnsureIndex(AcknowledgementMessageIdIndex, AcknowledgementMessageIdExpression);
        Alerts.EnsureIndex(x => x.Key, unique: true);
        Alerts.EnsureIndex(x => x.CaseId);
        Alerts.EnsureIndex(x => x.State);
        Events.EnsureIndex(x => x.At);
        Cases.EnsureIndex(x => x.NextAlertAt);
        Cases.EnsureIndex(x => x.ReceivedAt);
        Quarantine.EnsureIndex(x => x.SourceKey);
        Replies.EnsureIndex(x => x.MessageId, unique: true);
        Replies.EnsureIndex(x => x.State);
    }

    public ILiteCollection<CaseRecord> Cases { get; }

    /// <summary>Handlers' replies to customers, recorded before they are sent (the outbox).</summary>
    public ILiteCollection<OutboxReply> Replies { get; }

    public ILiteCollection<DocumentRecord> Documents { get; }

    public ILiteCollection<CaseEvent> Events { get; }

    /// <summary>The intake ledger; the source key is the document id, hence unique.</summary>
    public ILiteCollection<IntakeClaim> Claims { get; }

    public ILiteCollection<QuarantineRecord> Quarantine { get; }

    public ILiteCollection<RegistrationCounter> Counters { get; }

    /// <summary>How far ordered sources (IMAP folders) have read; the stream key is the document id.</summary>
    public ILiteCollection<SourceWatermark> Watermarks { get; }

    /// <summary>People's category decisions, the classifier's extra training examples.</summary>
    public ILiteCollection<CategoryCorrection> Corrections { get; }

    /// <summary>Customers, one per e-mail address.</summary>
    public ILiteCollection<ContactRecord> Contacts { get; }

    /// <summary>The history of each contact's details.</summary>
    public ILiteCollection<ContactChange> ContactChanges { get; }

    public ILiteCollection<CaseReminder> Reminders { get; }

    /// <summary>Alert e-mails to handlers, one per occurrence (unique <see cref="CaseAlert.Key"/>).</summary>
    public ILiteCollection<CaseAlert> Alerts { get; }

    /// <summary>Starts a transaction on the calling thread.</summary>
    /// <exception cref="InvalidOperationException">One is already open on this thread.</exception>
    public void BeginTransaction()
    {
        if (!_database.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread; captures must not nest.");
        }
    }

    public void Commit() => _database.Commit();

    public void Rollback() => _database.Rollback();

    /// <summary>Writes every committed change from LiteDB's log into the data file, so the data file alone holds the database.</summary>
    public void Checkpoint() => _database.Checkpoint();

    /// <summary>How many cases have this <see cref="CaseRecord.HandlerLoad"/>, counted from its index without reading the cases.</summary>
    public int CountByHandlerLoad(string handlerLoad) => Cases.Query()
        .Where(BsonExpression.Create("$.HandlerLoad = @0", new BsonValue(handlerLoad)))
        .Select(BsonExpression.Create("$.HandlerLoad"))
        .ToEnumerable()
        .Count();

    /// <summary>
    /// <c>field = value</c> as a string expression with a parameter, for the lookups made for every capture: LiteDB
    /// parses the text once and caches it, where a LINQ predicate is translated again on every call.
    /// </summary>
    public static BsonExpression FieldEquals(string field, BsonValue value) => BsonExpression.Create("$." + field + " = @0", value);

    /// <summary>Finds a case by registration number, ignoring case (the caller trims).</summary>
    public CaseRecord? FindCaseByRegistrationNumber(string registrationNumber) =>
        Cases.FindOne(BsonExpression.Create(RegistrationKeyExpression + " = @0", new BsonValue(registrationNumber.ToUpperInvariant())));

    /// <summary>The cases whose acknowledgement is in <paramref name="state"/> (indexed).</summary>
    public IEnumerable<CaseRecord> FindCasesByAcknowledgementState(AcknowledgementState state) =>
        Cases.Find(BsonExpression.Create(AcknowledgementStateExpression + " = @0", new BsonValue(state.ToString())));

    /// <summary>The case whose acknowledgement carries this Message-ID (normalised by the caller; indexed).</summary>
    public CaseRecord? FindCaseByAcknowledgementMessageId(string messageId) =>
        Cases.FindOne(BsonExpression.Create(AcknowledgementMessageIdExpression + " = @0", new BsonValue(messageId)));

    public void Dispose()
    {
        _database.Dispose();
        _lock.Dispose();
    }

    private static LiteDatabase Open(string path)
    {
        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            Collation = new Collation(InvariantCultureLcid, CompareOptions.Ordinal),
        };
        return new LiteDatabase(connection, CreateMapper());
    }

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EnumAsInteger = false };

        // LiteDB stores dates as BSON DateTime: milliseconds in UTC, so offsets and ticks would be lost.
        // The ISO 8601 round-trip form keeps both, and sorts in time order for the UTC stamps the store writes.
        mapper.RegisterType(
            value => new BsonValue(value.ToString("O", CultureInfo.InvariantCulture)),
            bson => DateTimeOffset.ParseExact(bson.AsString, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        mapper.RegisterType(
            value => new BsonValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        mapper.Entity<IntakeClaim>().Id(x => x.SourceKey, autoId: false);
        mapper.Entity<SourceWatermark>().Id(x => x.StreamKey, autoId: false);
        return mapper;
    }
}
