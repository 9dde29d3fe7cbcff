using Archive.Search;
using Archive.Store;
using Archive.Store.Integrity;
using Capture.Classifier.Classification;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Operations;

/// <summary>
/// <c>capture verify</c>: the store's check of its files and numbering (<see cref="ArchiveStore.CheckIntegrity"/>)
/// followed by the index's check against the store (<see cref="IndexAudit"/>), as one stream of problems in plain words.
/// </summary>
public sealed class ArchiveVerification(ArchiveStore store, ArchiveIndex index, IOptions<ArchiveSearchOptions> search, IOptions<ClassifierOptions> classifier)
{
    private const int PageSize = 500;

    /// <summary>Checks the whole archive; problems are returned as they are found.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public IEnumerable<ArchiveProblem> Run(CancellationToken cancellationToken)
    {
        var options = new ArchiveCheckOptions { IgnoredFolders = IgnoredFolders() };
        foreach (var problem in store.CheckIntegrity(options, cancellationToken))
        {
            yield return problem;
        }

        foreach (var discrepancy in IndexAudit.Compare(index, StoreDocuments(cancellationToken), store.FindExistingDocumentIds, cancellationToken))
        {
            yield return Describe(discrepancy);
        }
    }

    /// <summary>Every stored document with its case as the index should show it, a page at a time.</summary>
    internal IEnumerable<(string DocumentId, IndexedCase Case)> StoreDocuments(CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = store.ReadDocumentPage(after, PageSize);
            foreach (var (document, caseRecord) in page)
            {
                // A document without its case is reported by the store's check; the index cannot be judged for it.
                if (caseRecord is not null)
                {
                    yield return (document.Id, CaseIndexer.ProjectCase(caseRecord));
                }
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Document.Id;
        }
    }

    private static ArchiveProblem Describe(IndexDiscrepancy discrepancy)
    {
        var subject = discrepancy.RegistrationNumber is { } number ? $"{number} document {discrepancy.DocumentId}" : $"document {discrepancy.DocumentId}";
        return discrepancy.Kind switch
        {
            IndexDiscrepancyKind.Missing => new ArchiveProblem(ArchiveProblemKind.MissingIndexEntry, subject,
                $"{subject} is in the archive but not in the search index, so searches do not find it. Run `capture reindex` (the service also indexes missing documents when it starts)."),
            IndexDiscrepancyKind.Unknown => new ArchiveProblem(ArchiveProblemKind.UnknownIndexEntry, subject,
                $"The search index has {subject}, which the archive does not have, so searches can show a case that is not there. Run `capture reindex`."),
            _ => new ArchiveProblem(ArchiveProblemKind.StaleIndexEntry, subject,
                $"The search index shows {subject} with out-of-date case details ({string.Join("; ", discrepancy.Differences)}), so searches by them are wrong. Run `capture reindex`."),
        };
    }

    /// <summary>The default folders, the web's key ring, and the index and model folders wherever they are configured below the archive.</summary>
    private List<string> IgnoredFolders()
    {
        var folders = new ArchiveCheckOptions().IgnoredFolders.Append(Capture.Web.Security.WebKeyRing.FolderName).ToList();
        foreach (var path in new[] { search.Value.IndexDirectory, Path.GetDirectoryName(classifier.Value.ModelPath) })
        {
            if (!string.IsNullOrEmpty(path))
            {
                var relative = Path.GetRelativePath(store.RootDirectory, Path.GetFullPath(path));
                if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative) && relative != ".")
                {
                    folders.Add(relative);
                }
            }
        }

        return folders;
    }
}
