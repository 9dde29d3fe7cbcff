using System.Globalization;

namespace Archive.Search;

/// <summary>What is wrong with one index entry compared with the store.</summary>
/// <param name="Kind">Missing, unknown or stale.</param>
/// <param name="DocumentId">The document's id.</param>
/// <param name="RegistrationNumber">Its case's registration number, when known.</param>
/// <param name="Differences">For a stale entry, each field that differs as <c>field: index "x", store "y"</c>.</param>
public sealed record IndexDiscrepancy(IndexDiscrepancyKind Kind, string DocumentId, string? RegistrationNumber, IReadOnlyList<string> Differences);

/// <summary>How an index entry disagrees with the store.</summary>
public enum IndexDiscrepancyKind
{
    /// <summary>The store has the document; the index does not.</summary>
    Missing,

    /// <summary>The index has an entry for a document the store does not have.</summary>
    Unknown,

    /// <summary>The entry's case details differ from the store's case.</summary>
    Stale,
}

/// <summary>
/// Checks the search index against the store, which the index only copies: every stored document must be indexed
/// with its case's current details, and nothing else may be indexed. The store is reached through its stream of
/// documents and an existence lookup, so this library stays independent of it; memory does not grow with the archive.
/// </summary>
public static class IndexAudit
{
    private const int LookupBatch = 1000;

    /// <summary>Finds every disagreement between <paramref name="index"/> and the store.</summary>
    /// <param name="index">The index.</param>
    /// <param name="storeDocuments">Every stored document's id with its case as the index should show it, streamed.</param>
    /// <param name="existingInStore">Which of a batch of ids the store has.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The discrepancies as they are found: missing and stale entries first, then unknown ones.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ObjectDisposedException">The index was disposed.</exception>
    /// <exception cref="OperationCanceledException">The check was cancelled.</exception>
    public static IEnumerable<IndexDiscrepancy> Compare(
        ArchiveIndex index,
        IEnumerable<(string DocumentId, IndexedCase Case)> storeDocuments,
        Func<IReadOnlyCollection<string>, IReadOnlySet<string>> existingInStore,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(storeDocuments);
        ArgumentNullException.ThrowIfNull(existingInStore);
        return Iterate();

        IEnumerable<IndexDiscrepancy> Iterate()
        {
            foreach (var (documentId, expected) in storeDocuments)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var indexed = index.FindIndexedCase(documentId);
                if (indexed is null)
                {
                    yield return new IndexDiscrepancy(IndexDiscrepancyKind.Missing, documentId, expected.RegistrationNumber, []);
                    continue;
                }

                var differences = Differences(indexed, expected);
                if (differences.Count > 0)
                {
                    yield return new IndexDiscrepancy(IndexDiscrepancyKind.Stale, documentId, expected.RegistrationNumber, differences);
                }
            }

            var batch = new List<string>(LookupBatch);
            foreach (var documentId in index.EnumerateDocumentIds(cancellationToken))
            {
                batch.Add(documentId);
                if (batch.Count == LookupBatch)
                {
                    foreach (var unknown in Unknown(batch, existingInStore))
                    {
                        yield return unknown;
                    }

                    batch.Clear();
                }
            }

            foreach (var unknown in Unknown(batch, existingInStore))
            {
                yield return unknown;
            }
        }
    }

    private static List<IndexDiscrepancy> Unknown(List<string> batch, Func<IReadOnlyCollection<string>, IReadOnlySet<string>> existingInStore)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        var existing = existingInStore(batch);
        return batch.Where(id => !existing.Contains(id))
            .Select(id => new IndexDiscrepancy(IndexDiscrepancyKind.Unknown, id, null, []))
            .ToList();
    }

    /// <summary>The case fields that differ, compared as the index keeps them (e-mail lower-cased, keywords trimmed, times in ticks).</summary>
    private static List<string> Differences(IndexedCase indexed, IndexedCase expected)
    {
        var differences = new List<string>();
        Compare("case", indexed.CaseId, expected.CaseId);
        Compare("registration number", indexed.RegistrationNumber, expected.RegistrationNumber.Trim());
        Compare("category", indexed.Category, expected.Category.Trim());
        Compare("status", indexed.Status, expected.Status.Trim());
        Compare("handler", indexed.Handler, Blank(expected.Handler)?.Trim());
        Compare("contact name", indexed.ContactName, Blank(expected.ContactName));
        Compare("e-mail", indexed.ContactEmail, Blank(expected.ContactEmail)?.ToLowerInvariant());
        Compare("waiting since", Stamp(indexed.WaitingSince), Stamp(expected.WaitingSince));
        Compare("next alert", Stamp(indexed.AlertDueAt), Stamp(expected.AlertDueAt));
        return differences;

        void Compare(string field, string? inIndex, string? inStore)
        {
            if (!string.Equals(inIndex ?? "", inStore ?? "", StringComparison.Ordinal))
            {
                differences.Add($"{field}: index \"{inIndex}\", store \"{inStore}\"");
            }
        }

        static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        static string? Stamp(DateTimeOffset? value) => value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
    }
}
