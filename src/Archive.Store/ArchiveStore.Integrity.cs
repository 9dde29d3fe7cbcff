using System.Globalization;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Archive.Store.Integrity;
using Archive.Store.Quarantine;
using Archive.Store.Storage;
using LiteDB;

namespace Archive.Store;

/// <summary>Checks the archive's files and numbering against its records (<c>capture verify</c>).</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// Checks the whole archive against its records, streaming it page by page: every original's SHA-256 and size, that
    /// every file a document or quarantine record names exists, that no file below the root lacks a record (outside
    /// <see cref="ArchiveCheckOptions.IgnoredFolders"/>), and the registration numbering (no number twice, gaps, counters
    /// behind). Files are read outside the store's lock, so captures go on meanwhile; what they add during the check may
    /// or may not be seen.
    /// </summary>
    /// <param name="options">What to leave out; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the check between files.</param>
    /// <returns>The problems, as they are found.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <exception cref="OperationCanceledException">The check was cancelled.</exception>
    /// <remarks>Memory grows by about 30 bytes per archived file and one bit per registration number, not with their size.</remarks>
    public IEnumerable<ArchiveProblem> CheckIntegrity(ArchiveCheckOptions? options, CancellationToken cancellationToken)
    {
        options ??= new ArchiveCheckOptions();
        var referenced = new ReferencedFiles();
        foreach (var problem in CheckDocumentFiles(referenced, options.PageSize, cancellationToken))
        {
            yield return problem;
        }

        foreach (var problem in CheckQuarantineFiles(referenced, options.PageSize, cancellationToken))
        {
            yield return problem;
        }

        foreach (var problem in FindOrphans(referenced, options.IgnoredFolders, cancellationToken))
        {
            yield return problem;
        }

        foreach (var problem in CheckRegistrationNumbers(options.PageSize, cancellationToken))
        {
            yield return problem;
        }
    }

    /// <summary>How many cases the archive holds.</summary>
    /// <returns>The count.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public int CountCases() => Read(() => _database.Cases.Count());

    /// <summary>Finds a document by its id.</summary>
    /// <param name="documentId">The document's id.</param>
    /// <returns>The document, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documentId"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public DocumentRecord? FindDocument(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return Read(() => _database.Documents.FindById(documentId));
    }

    /// <summary>Which of these document ids the store has (for checking the search index against the store).</summary>
    /// <param name="documentIds">The ids to look up.</param>
    /// <returns>The ids among them that name a stored document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documentIds"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlySet<string> FindExistingDocumentIds(IReadOnlyCollection<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        return Read(() => documentIds
            .Where(id => _database.Documents.Exists(LiteDB.Query.EQ("_id", id)))
            .ToHashSet(StringComparer.Ordinal));
    }

    private IEnumerable<ArchiveProblem> CheckDocumentFiles(ReferencedFiles referenced, int pageSize, CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = ReadDocumentPage(after, pageSize);
            foreach (var (document, caseRecord) in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var subject = $"{document.RegistrationNumber} document {document.Ordinal} ({document.StoredFileName})";
                if (caseRecord is null)
                {
                    yield return new ArchiveProblem(ArchiveProblemKind.DocumentWithoutCase, subject,
                        $"{subject}: document {document.Id} names case {document.CaseId}, which is not in the archive. Restore the database from a backup.");
                }

                if (CheckOriginal(document, subject, referenced) is { } original)
                {
                    yield return original;
                }

                foreach (var (label, path) in new[] { ("extracted text", document.TextPath), ("searchable PDF", document.SearchablePdfPath) })
                {
                    if (string.IsNullOrEmpty(path))
                    {
                        continue;
                    }

                    referenced.Add(path);
                    if (!File.Exists(_paths.Resolve(path)))
                    {
                        yield return new ArchiveProblem(ArchiveProblemKind.MissingFile, path,
                            $"{subject}: its {label} {path} is missing. It is derived from the original: run `capture reindex` after restoring it from a backup, or re-capture the original.");
                    }
                }
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Document.Id;
        }
    }

    private ArchiveProblem? CheckOriginal(DocumentRecord document, string subject, ReferencedFiles referenced)
    {
        referenced.Add(document.ArchivePath);
        var path = _paths.Resolve(document.ArchivePath);
        if (!File.Exists(path))
        {
            return new ArchiveProblem(ArchiveProblemKind.MissingFile, document.ArchivePath,
                $"{subject}: the original {document.ArchivePath} is missing. Restore it from a backup (`capture restore`); its SHA-256 must be {document.Sha256}.");
        }

        var (sha256, size) = HashFile(path);
        if (!string.Equals(sha256, document.Sha256, StringComparison.OrdinalIgnoreCase) || size != document.SizeBytes)
        {
            return new ArchiveProblem(ArchiveProblemKind.AlteredOriginal, document.ArchivePath,
                string.Create(CultureInfo.InvariantCulture,
                    $"{subject}: the original {document.ArchivePath} has been altered: its SHA-256 is {sha256} ({size} bytes) but {document.Sha256} ({document.SizeBytes} bytes) was recorded at capture. Originals are never changed by Capture; restore it from a backup and find out who changed it."));
        }

        return null;
    }

    private IEnumerable<ArchiveProblem> CheckQuarantineFiles(ReferencedFiles referenced, int pageSize, CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = ReadPage(_database.Quarantine, after, pageSize);
            foreach (var record in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (string.IsNullOrEmpty(record.QuarantinedPath))
                {
                    continue;
                }

                if (CheckQuarantineFile(record, referenced) is { } problem)
                {
                    yield return problem;
                }
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    private ArchiveProblem? CheckQuarantineFile(QuarantineRecord record, ReferencedFiles referenced)
    {
        var path = ResolveQuarantinedPath(record.QuarantinedPath!);
        var relative = Path.GetRelativePath(_paths.Root, path);
        referenced.Add(relative);
        var subject = $"quarantine {record.Id} ({record.OriginalFileName} from {record.SourceName})";
        if (!File.Exists(path))
        {
            return new ArchiveProblem(ArchiveProblemKind.QuarantineFileProblem, record.QuarantinedPath!,
                $"{subject}: the kept file {path} is missing, so the item cannot be retried. Restore it from a backup, or fetch the item again from {record.SourceName}.");
        }

        if (record.Sha256 is { Length: > 0 } expected && !string.Equals(HashFile(path).Sha256, expected, StringComparison.OrdinalIgnoreCase))
        {
            return new ArchiveProblem(ArchiveProblemKind.QuarantineFileProblem, record.QuarantinedPath!,
                $"{subject}: the kept file {path} no longer has the SHA-256 {expected} recorded when it was quarantined. Restore it from a backup.");
        }

        return null;
    }

    /// <summary>A quarantine record's path: absolute as the sources write it, or relative to the root as a restored backup has it.</summary>
    private string ResolveQuarantinedPath(string path) => Path.IsPathRooted(path) ? path : _paths.Resolve(path);

    private IEnumerable<ArchiveProblem> FindOrphans(ReferencedFiles referenced, IReadOnlyCollection<string> ignoredFolders, CancellationToken cancellationToken)
    {
        var ignored = ignoredFolders.Select(folder => _paths.Resolve(folder)).ToHashSet(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(_paths.Root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(folder).Where(sub => !ignored.Contains(sub)).OrderDescending(StringComparer.Ordinal))
            {
                pending.Push(sub);
            }

            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(_paths.Root, file).Replace('\\', '/');
                if ((folder == _paths.Root && IsDatabaseFile(relative)) || referenced.Contains(relative))
                {
                    continue;
                }

                yield return new ArchiveProblem(ArchiveProblemKind.OrphanFile, relative,
                    $"{relative} is in the archive but no document or quarantine record names it. If it belongs to a case, it was put there by hand or left by a failed restore: capture it again (`capture import`) or move it out of the archive.");
            }
        }
    }

    private static bool IsDatabaseFile(string name) =>
        name.StartsWith(Path.GetFileNameWithoutExtension(ArchiveDatabase.FileName), StringComparison.Ordinal);

    private IEnumerable<ArchiveProblem> CheckRegistrationNumbers(int pageSize, CancellationToken cancellationToken)
    {
        var sequences = new RegistrationSequences();
        var duplicates = new List<(string Scope, int Sequence)>();
        string? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = ReadPage(_database.Cases, after, pageSize);
            foreach (var caseRecord in page)
            {
                var scope = RegistrationNumbers.ScopeFor(caseRecord.RegistrationYear);
                if (!sequences.Add(scope, caseRecord.RegistrationSequence))
                {
                    duplicates.Add((scope, caseRecord.RegistrationSequence));
                }
            }

            if (page.Count < pageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        foreach (var (scope, sequence) in duplicates.Distinct())
        {
            var numbers = Read(() => _database.Cases.Find(c => c.RegistrationSequence == sequence).ToList())
                .Where(c => RegistrationNumbers.ScopeFor(c.RegistrationYear) == scope)
                .Select(c => c.RegistrationNumber)
                .Order(StringComparer.Ordinal)
                .ToList();
            yield return new ArchiveProblem(ArchiveProblemKind.DuplicateRegistrationNumber, string.Join(", ", numbers),
                string.Create(CultureInfo.InvariantCulture,
                    $"Cases {string.Join(", ", numbers)} all hold number {sequence} of {RegistrationSequences.Describe(scope)}. A registration number must name one case: the database was edited or restored from mixed backups; restore a consistent backup."));
        }

        foreach (var scope in sequences.Scopes)
        {
            foreach (var (first, last) in sequences.Gaps(scope))
            {
                var range = first == last
                    ? RegistrationNumbers.Format(YearOf(scope), first)
                    : $"{RegistrationNumbers.Format(YearOf(scope), first)} to {RegistrationNumbers.Format(YearOf(scope), last)}";
                yield return new ArchiveProblem(ArchiveProblemKind.RegistrationGap, range,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{range} ({last - first + 1} number(s) of {RegistrationSequences.Describe(scope)}) were never given to a case in this archive. Capture never skips a number, so cases were deleted from the database or the archive was restored from an older backup: find them in a backup."));
            }
        }

        foreach (var counter in Read(() => _database.Counters.FindAll().ToList()))
        {
            var highest = sequences.Highest(counter.Id);
            if (counter.Last < highest)
            {
                yield return new ArchiveProblem(ArchiveProblemKind.RegistrationCounterBehind, counter.Id,
                    string.Create(CultureInfo.InvariantCulture,
                        $"The counter of {RegistrationSequences.Describe(counter.Id)} stands at {counter.Last} but cases up to {highest} exist. Capture skips taken numbers (logging each), but the database was edited or mixed with another: restore a consistent backup."));
            }
        }
    }

    private static int YearOf(string scope) =>
        int.TryParse(scope, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : 0;

    private List<T> ReadPage<T>(ILiteCollection<T> collection, string? afterId, int count) =>
        Read(() => collection.Find(LiteDB.Query.GT("_id", afterId ?? ""), skip: 0, limit: count).ToList());

    private static (string Sha256, long Size) HashFile(string path) => Archive.Store.Backup.HashingCopy.Hash(path);
}
