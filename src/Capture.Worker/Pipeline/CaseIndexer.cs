using Archive.Search;
using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Documents;

namespace Capture.Worker.Pipeline;

/// <summary>Projects committed cases and documents into the search index (which only ever holds copies).</summary>
public sealed class CaseIndexer
{
    private readonly ArchiveIndex _index;

    public CaseIndexer(ArchiveIndex index) => _index = index;

    /// <summary>Indexes the documents of <paramref name="commit"/>; <paramref name="texts"/> holds their text in the same order.</summary>
    public void Index(CaptureCommit commit, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < commit.Documents.Count; i++)
        {
            _index.Upsert(Project(commit.Case, commit.Documents[i], texts[i]));
        }

        _index.Commit();
    }

    /// <summary>The index's view of one archived document.</summary>
    public static IndexedDocument Project(CaseRecord @case, DocumentRecord document, string text)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(document);
        return new IndexedDocument(
            document.Id,
            @case.Id,
            @case.RegistrationNumber,
            ArchiveVocabulary.Word(@case.Category),
            ArchiveVocabulary.Word(@case.Status),
            document.Language ?? @case.Language,
            @case.ContactName,
            @case.ContactEmail,
            document.Subject ?? @case.Subject,
            document.OriginalFileName,
            text,
            document.ReceivedAt,
            document.Orders,
            document.Invoices,
            document.Serials,
            document.Policies);
    }
}
