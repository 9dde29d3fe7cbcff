using Archive.Store.Cases;
using Archive.Store.Files;
using LiteDB;

namespace Archive.Store.Documents;

/// <summary>Writes a capture's documents into their case folder and describes them as records.</summary>
internal sealed class DocumentFiler
{
    private readonly ArchivePaths _paths;

    public DocumentFiler(ArchivePaths paths)
    {
        _paths = paths;
    }

    /// <summary>Checks a documents list before anything is written.</summary>
    /// <exception cref="ArgumentNullException">The list or one of its documents is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or a parent index is out of range or self-referencing.</exception>
    public static void Validate(IReadOnlyList<NewDocument> documents, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(documents, parameterName);
        if (documents.Count == 0)
        {
            throw new ArgumentException("A capture needs at least one document.", parameterName);
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i] ?? throw new ArgumentNullException(parameterName, $"Document {i} is null.");
            ArgumentNullException.ThrowIfNull(document.OpenContent, $"{parameterName}[{i}].{nameof(NewDocument.OpenContent)}");
            if (document.ParentIndex is { } parent && (parent < 0 || parent >= documents.Count || parent == i))
            {
                throw new ArgumentException($"Document {i} has parent index {parent}, which is not another document of this capture (0..{documents.Count - 1}).", parameterName);
            }
        }
    }

    /// <summary>The folder below the archive root where files of captures that never committed are kept for a person to look at.</summary>
    public const string LeftoversFolder = ".uncommitted";

    /// <summary>
    /// A folder of a new case's number cannot hold anything yet: registration numbers are never reused, so files found
    /// there were written by a capture of the same number whose process died before its transaction committed (the
    /// number was then allocated again). They are moved, never deleted, to <see cref="LeftoversFolder"/>, so case
    /// folders hold only their case's own documents and nothing is lost.
    /// </summary>
    /// <param name="archivePath">A case folder of the new case's number, relative to the archive root.</param>
    /// <param name="now">When, for the name of the folder they go to.</param>
    /// <returns>The folder the leftovers were moved to, or null when there were none.</returns>
    public string? SetAsideLeftovers(string archivePath, DateTimeOffset now)
    {
        var folder = _paths.Resolve(archivePath);
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return null;
        }

        var target = _paths.Resolve($"{LeftoversFolder}/{Path.GetFileName(folder)}-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(folder, target);
        return target;
    }

    /// <summary>Writes every document (original + text) below <paramref name="caseRecord"/>'s folder.</summary>
    /// <exception cref="InvalidOperationException">A document's <c>OpenContent</c> returned null.</exception>
    public List<DocumentRecord> WriteAll(PendingFiles files, CaseRecord caseRecord, IReadOnlyList<NewDocument> documents, int firstOrdinal, DateTimeOffset now)
    {
        var folder = _paths.Resolve(caseRecord.ArchivePath);
        files.EnsureDirectory(folder);

        var ids = documents.Select(_ => ObjectId.NewObjectId().ToString()).ToArray();
        var records = new List<DocumentRecord>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var ordinal = firstOrdinal + i;
            var storedName = FreeName(folder, StoredFileName.Create(ordinal, document.OriginalFileName));
            var originalPath = Path.Combine(folder, storedName);
            var textPath = originalPath + StoredFileName.TextSuffix;

            string sha256;
            long size;
            using (var content = document.OpenContent()
                ?? throw new InvalidOperationException($"OpenContent of document {i} ('{document.OriginalFileName}') returned no stream."))
            {
                (sha256, size) = files.WriteOriginal(originalPath, content);
            }

            files.WriteText(textPath, document.Text ?? "");
            var record = Describe(document, ids[i], ordinal, caseRecord, storedName, sha256, size, now, ids);
            if (document.OpenSearchablePdf is { } openSearchablePdf)
            {
                using var searchable = openSearchablePdf()
                    ?? throw new InvalidOperationException($"OpenSearchablePdf of document {i} ('{document.OriginalFileName}') returned no stream.");
                (record.SearchablePdfSha256, _) = files.WriteDerived(originalPath + StoredFileName.SearchablePdfSuffix, searchable);
                record.SearchablePdfPath = record.ArchivePath + StoredFileName.SearchablePdfSuffix;
            }

            records.Add(record);
        }

        return records;
    }

    private static DocumentRecord Describe(
        NewDocument document, string id, int ordinal, CaseRecord caseRecord, string storedName, string sha256, long size, DateTimeOffset now, string[] ids)
    {
        var references = document.References ?? DocumentReferences.None;
        return new DocumentRecord
        {
            Id = id,
            CaseId = caseRecord.Id,
            RegistrationNumber = caseRecord.RegistrationNumber,
            Ordinal = ordinal,
            Role = document.Role,
            ParentDocumentId = document.ParentIndex is { } parent ? ids[parent] : null,
            OriginalFileName = document.OriginalFileName ?? "",
            StoredFileName = storedName,
            ArchivePath = caseRecord.ArchivePath + "/" + storedName,
            TextPath = caseRecord.ArchivePath + "/" + storedName + StoredFileName.TextSuffix,
            Sha256 = sha256,
            SizeBytes = size,
            MediaType = document.MediaType ?? "",
            PageCount = document.PageCount,
            UsedOcr = document.UsedOcr,
            OcrConfidence = document.OcrConfidence,
            NeedsReview = document.NeedsReview,
            Pages = [.. document.Pages ?? []],
            Language = document.Language,
            MessageId = MessageIds.Normalize(document.MessageId),
            Subject = document.Subject,
            Orders = [.. references.Orders ?? []],
            Invoices = [.. references.Invoices ?? []],
            Serials = [.. references.Serials ?? []],
            Policies = [.. references.Policies ?? []],
            Dates = [.. document.Dates ?? []],
            ContactName = document.ContactName,
            ContactEmail = document.ContactEmail,
            WrittenBy = string.IsNullOrWhiteSpace(document.WrittenBy) ? null : document.WrittenBy.Trim(),
            ReceivedAt = document.ReceivedAt,
            CapturedAt = now,
            Source = document.Source ?? "",
        };
    }

    /// <summary>A name not yet used in <paramref name="folder"/> by an original or its text (an orphan left by a crash counts as used).</summary>
    private static string FreeName(string folder, string storedName)
    {
        var candidate = storedName;
        for (var counter = 2; Taken(folder, candidate); counter++)
        {
            candidate = StoredFileName.WithCounter(storedName, counter);
        }

        return candidate;
    }

    private static bool Taken(string folder, string name) =>
        File.Exists(Path.Combine(folder, name)) ||
        File.Exists(Path.Combine(folder, name + StoredFileName.TextSuffix)) ||
        File.Exists(Path.Combine(folder, name + StoredFileName.SearchablePdfSuffix));
}
