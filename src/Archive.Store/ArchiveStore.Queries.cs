using System.Globalization;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Archive.Store.Quarantine;
using Archive.Store.Storage;
using LiteDB;

namespace Archive.Store;

/// <summary>Read-only lookups over cases, documents, history and quarantine.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>Finds a case by registration number, ignoring case and surrounding white space.</summary>
    /// <param name="registrationNumber">The registration number.</param>
    /// <returns>The case, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrationNumber"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord? FindCase(string registrationNumber)
    {
        ArgumentNullException.ThrowIfNull(registrationNumber);
        return Read(() => _database.FindCaseByRegistrationNumber(registrationNumber.Trim()));
    }

    /// <summary>Finds a case by its database identifier.</summary>
    /// <param name="caseId">The identifier.</param>
    /// <returns>The case, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseId"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord? FindCaseById(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return Read(() => _database.Cases.FindById(caseId));
    }

    /// <summary>Finds the first archived document (the original) with this content.</summary>
    /// <param name="sha256">The SHA-256 in hex, either case.</param>
    /// <returns>The earliest captured document with that hash, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sha256"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public DocumentRecord? FindDocumentBySha256(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var normalized = NormalizeSha256(sha256);
        return Read(() => InCaptureOrder(_database.Documents.Find(ArchiveDatabase.FieldEquals(nameof(DocumentRecord.Sha256), normalized))).FirstOrDefault());
    }

    /// <summary>
    /// Finds the case holding a document with this e-mail Message-ID, or else the case whose acknowledgement to the
    /// customer was sent with it (so a customer answering the acknowledgement joins the case).
    /// </summary>
    /// <param name="messageId">The Message-ID, with or without angle brackets.</param>
    /// <returns>The case of the earliest such document, the acknowledged case, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messageId"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseRecord? FindCaseByMessageId(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var normalized = MessageIds.Normalize(messageId);
        if (normalized is null)
        {
            return null;
        }

        return Read(() =>
        {
            var document = InCaptureOrder(_database.Documents.Find(ArchiveDatabase.FieldEquals(nameof(DocumentRecord.MessageId), normalized))).FirstOrDefault();
            return document is null ? _database.FindCaseByAcknowledgementMessageId(normalized) : _database.Cases.FindById(document.CaseId);
        });
    }

    /// <summary>Counts the archived documents (the search index holds exactly one entry for each).</summary>
    /// <returns>The number of documents.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public int CountDocuments() => Read(() => _database.Documents.Count());

    /// <summary>Lists every case in registration order (year, then sequence).</summary>
    /// <returns>The cases.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseRecord> ListCases() => Read(() => _database.Cases.FindAll()
        .OrderBy(c => c.RegistrationYear)
        .ThenBy(c => c.RegistrationSequence)
        .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
        .ToList());

    /// <summary>
    /// Lists the cases received in a period (by <see cref="CaseRecord.ReceivedAt"/>), oldest first, reading only that
    /// period's part of the index, for reports.
    /// </summary>
    /// <param name="since">The first instant (inclusive), or null for all before <paramref name="until"/>.</param>
    /// <param name="until">The end (exclusive).</param>
    /// <returns>The cases.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseRecord> ListCasesReceived(DateTimeOffset? since, DateTimeOffset until) => Read(() =>
    {
        // ReceivedAt keeps the sender's offset, so its text sorts in time order only to within the widest offset (14 h):
        // the index narrows the range that far, and the instants are compared exactly after.
        var widest = TimeSpan.FromHours(14);
        var upper = Query.LT(nameof(CaseRecord.ReceivedAt), Stamp(until + widest));
        var query = since is { } first ? Query.And(Query.GTE(nameof(CaseRecord.ReceivedAt), Stamp(first - widest)), upper) : upper;
        return _database.Cases.Find(query)
            .Where(c => (since is null || c.ReceivedAt >= since) && c.ReceivedAt < until)
            .OrderBy(c => c.ReceivedAt)
            .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
            .ToList();

        static BsonValue Stamp(DateTimeOffset at) => new(at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
    });

    /// <summary>Lists a case's documents in capture order.</summary>
    /// <param name="caseId">The case's identifier.</param>
    /// <returns>The documents (empty for an unknown case).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseId"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<DocumentRecord> GetDocuments(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return Read(() => _database.Documents.Find(d => d.CaseId == caseId).OrderBy(d => d.Ordinal).ToList());
    }

    /// <summary>Lists every document, for rebuilding the search index.</summary>
    /// <returns>All documents in capture order.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<DocumentRecord> ListDocuments() => Read(() => InCaptureOrder(_database.Documents.FindAll()).ToList());

    /// <summary>
    /// Reads the documents after <paramref name="afterId"/> in id order, each with its case (null when the case is
    /// missing, which the caller reports), for streaming the whole archive (a search index rebuild) one page at a
    /// time without holding it in memory.
    /// </summary>
    /// <param name="afterId">The last id of the previous page, or null for the first page.</param>
    /// <param name="count">Most documents to return (1 to 10,000).</param>
    /// <returns>The page; fewer than <paramref name="count"/> (or none) at the end.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside 1..10,000.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<(DocumentRecord Document, CaseRecord? Case)> ReadDocumentPage(string? afterId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        return Read(() =>
        {
            var documents = _database.Documents.Find(LiteDB.Query.GT("_id", afterId ?? ""), skip: 0, limit: count).ToList();
            var cases = new Dictionary<string, CaseRecord?>(StringComparer.Ordinal);
            var page = new List<(DocumentRecord, CaseRecord?)>(documents.Count);
            foreach (var document in documents)
            {
                if (!cases.TryGetValue(document.CaseId, out var caseRecord))
                {
                    caseRecord = _database.Cases.FindById(document.CaseId);
                    cases.Add(document.CaseId, caseRecord);
                }

                page.Add((document, caseRecord));
            }

            return page;
        });
    }

    /// <summary>A case's audit history in time order.</summary>
    /// <param name="caseId">The case's identifier.</param>
    /// <returns>The events (empty for an unknown case).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseId"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseEvent> GetHistory(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        return Read(() => _database.Events.Find(e => e.CaseId == caseId)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>Reads the extracted text stored beside a document's original (UTF-8).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The text, or an empty string for a document stored without one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="IOException">The text file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The text file is not readable.</exception>
    public string ReadText(DocumentRecord document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return string.IsNullOrEmpty(document.TextPath) ? "" : File.ReadAllText(_paths.Resolve(document.TextPath));
    }
}
