using Archive.Search;
using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Capture.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Pipeline;

/// <summary>
/// Projects committed cases and documents into the search index (which only ever holds copies). Index commits are
/// grouped: a capture is committed with the others of the same <see cref="CaptureOptions.IndexCommitInterval"/>, by
/// the next capture or by <see cref="IndexCommitService"/>, rather than with a Lucene segment of its own; one-shot
/// commands commit once when they finish (<see cref="CaptureOptions.CommitIndexWhenDone"/>). What a crash loses from
/// the index is still in the store; <see cref="CatchUp"/> puts it back.
/// </summary>
public sealed partial class CaseIndexer
{
    private readonly ArchiveIndex _index;
    private readonly ArchiveStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _commitInterval;
    private readonly bool _commitWhenDone;
    private readonly ILogger<CaseIndexer> _logger;
    private readonly Lock _gate = new();
    private bool _pending;
    private bool _caughtUp;
    private DateTimeOffset _lastCommit;

    public CaseIndexer(ArchiveIndex index, ArchiveStore store, TimeProvider time, IOptions<CaptureOptions> options, ILogger<CaseIndexer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _store = store;
        _time = time;
        _commitInterval = options.Value.IndexCommitInterval;
        _commitWhenDone = options.Value.CommitIndexWhenDone;
        _logger = logger;
        _lastCommit = time.GetUtcNow();
    }

    /// <summary>Indexes the documents of <paramref name="commit"/>; <paramref name="texts"/> holds their text in the same order.</summary>
    public void Index(CaptureCommit commit, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < commit.Documents.Count; i++)
        {
            _index.Upsert(Project(commit.Case, commit.Documents[i], texts[i]));
        }

        lock (_gate)
        {
            _pending = true;
            if (!_commitWhenDone && _time.GetUtcNow() - _lastCommit >= _commitInterval)
            {
                CommitLocked();
            }
        }
    }

    /// <summary>
    /// Re-stamps a case's fields on its indexed documents after a person changed the case (its category, status or
    /// reminders) and commits at once, so searches see the change immediately. The index already holds the documents'
    /// text, so nothing is read from the archive again.
    /// </summary>
    /// <param name="caseRecord">The case as stored now.</param>
    public void Reindex(CaseRecord caseRecord)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        _index.UpdateCase(ProjectCase(caseRecord));
        lock (_gate)
        {
            CommitLocked();
        }
    }

    /// <summary>Commits what is waiting, making it durable and searchable. Cheap when nothing is.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_pending)
            {
                CommitLocked();
            }
        }
    }

    /// <summary>
    /// Indexes every archived document the index lacks (after a crash between a store commit and an index commit).
    /// Runs once per process; cheap when the counts agree.
    /// </summary>
    /// <returns>How many documents were indexed again.</returns>
    public int CatchUp()
    {
        lock (_gate)
        {
            if (_caughtUp)
            {
                return 0;
            }

            _caughtUp = true;
            if (_index.DocumentCount >= _store.CountDocuments())
            {
                return 0;
            }

            var restored = 0;
            foreach (var document in _store.ListDocuments().Where(d => !_index.Contains(d.Id)))
            {
                if (_store.FindCaseById(document.CaseId) is { } @case)
                {
                    _index.Upsert(Project(@case, document, ReadText(document)));
                    restored++;
                }
            }

            CommitLocked();
            LogCaughtUp(restored);
            return restored;
        }
    }

    /// <summary>The index's view of one archived document.</summary>
    public static IndexedDocument Project(CaseRecord @case, DocumentRecord document, string text)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(document);
        return new IndexedDocument(
            document.Id,
            ProjectCase(@case),
            document.Language ?? @case.Language,
            document.Subject ?? @case.Subject,
            document.OriginalFileName,
            text,
            document.ReceivedAt,
            document.Orders,
            document.Invoices,
            document.Serials,
            document.Policies);
    }

    /// <summary>The index's view of a case, denormalised onto each of its documents.</summary>
    public static IndexedCase ProjectCase(CaseRecord @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new IndexedCase(
            @case.Id,
            @case.RegistrationNumber,
            @case.RegistrationYear,
            @case.RegistrationSequence,
            ArchiveVocabulary.Word(@case.Category),
            ArchiveVocabulary.Word(@case.Status),
            @case.Handler,
            @case.ContactName,
            @case.ContactEmail,
            @case.WaitingSince,
            @case.NextAlertAt);
    }

    /// <summary>The archived text of a document, or empty (logged) when its file cannot be read.</summary>
    internal string ReadText(DocumentRecord document)
    {
        try
        {
            return _store.ReadText(document);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Indexed without its text rather than not at all: it stays findable by number, name and e-mail.
            LogTextUnreadable(exception, document.Id, document.TextPath);
            return "";
        }
    }

    private void CommitLocked()
    {
        _index.Commit();
        _pending = false;
        _lastCommit = _time.GetUtcNow();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index lacked {Count} archived document(s), probably after a crash; they are indexed again")]
    private partial void LogCaughtUp(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The text of document {DocumentId} ({TextPath}) could not be read while re-indexing it")]
    private partial void LogTextUnreadable(Exception exception, string documentId, string textPath);
}
