using Archive.Search;
using Archive.Store;
using Archive.Store.Documents;
using MimeKit;

namespace Capture.Worker.Tests.Reliability;

/// <summary>
/// What the crash harness checks once the last run has stopped, read from the archive itself: each item's fate, the
/// registration numbers, the files against the records and the search index against the store.
/// </summary>
internal sealed class ArchiveAudit
{
    /// <summary>Where the store sets aside files of captures that died before committing (kept for a person, never deleted).</summary>
    private const string LeftoversFolder = ".uncommitted";

    /// <summary>Top-level folders and files of an archive root that are not case folders.</summary>
    private static readonly string[] NotCaseFolders = ["capture.db", "capture-log.db", "index", "models", "quarantine", "spool", "incoming", "logs", LeftoversFolder];

    private ArchiveAudit()
    {
    }

    /// <summary>Items that ended as nothing at all.</summary>
    public List<string> Lost { get; } = [];

    /// <summary>Items that ended as more than one case, document or quarantine record.</summary>
    public List<string> Duplicated { get; } = [];

    /// <summary>Every other broken rule, in words.</summary>
    public List<string> Problems { get; } = [];

    public int Cases { get; private init; }

    public int Documents { get; private init; }

    public int Quarantined { get; private init; }

    /// <summary>Files of captures that died before committing, set aside in <see cref="LeftoversFolder"/> (kept, never deleted).</summary>
    public int SetAside { get; private init; }

    public static ArchiveAudit Of(ArchiveStore store, ArchiveIndex index, IReadOnlyList<string> messageIds, IReadOnlyList<string> droppedFiles, string dropSource)
    {
        var cases = store.ListCases();
        var documents = store.ListDocuments();
        var quarantine = store.ListQuarantine();
        var leftovers = Path.Combine(store.RootDirectory, LeftoversFolder);
        var audit = new ArchiveAudit
        {
            Cases = cases.Count,
            Documents = documents.Count,
            Quarantined = quarantine.Count,
            SetAside = Directory.Exists(leftovers) ? Directory.EnumerateFiles(leftovers, "*", SearchOption.AllDirectories).Count() : 0,
        };

        var quarantinedMessageIds = quarantine
            .Where(q => q.QuarantinedPath is not null && q.SourceName.StartsWith("mail:", StringComparison.Ordinal))
            .Select(q => MessageIdIn(q.QuarantinedPath!))
            .ToList();
        foreach (var messageId in messageIds)
        {
            var times = documents.Count(d => d.Role == DocumentRole.Original && d.MessageId == messageId) + quarantinedMessageIds.Count(id => id == messageId);
            audit.Count("e-mail <" + messageId + ">", times);
        }

        foreach (var name in droppedFiles)
        {
            var times = documents.Count(d => d.Source == dropSource && d.Role == DocumentRole.Original && d.OriginalFileName == name)
                + quarantine.Count(q => q.SourceName == dropSource && q.OriginalFileName == name);
            audit.Count("file " + name, times);
        }

        foreach (var number in cases.GroupBy(c => c.RegistrationNumber, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            audit.Problems.Add($"registration number {number.Key} is used by {number.Count()} cases");
        }

        audit.CompareFiles(store.RootDirectory, documents, quarantine.Where(q => q.QuarantinedPath is not null).Select(q => q.QuarantinedPath!));
        foreach (var document in documents.Where(d => !index.Contains(d.Id)))
        {
            audit.Problems.Add($"document {document.ArchivePath} of {document.RegistrationNumber} is not in the search index");
        }

        return audit;
    }

    private void Count(string item, int times)
    {
        if (times == 0)
        {
            Lost.Add(item);
        }
        else if (times > 1)
        {
            Duplicated.Add($"{item} ({times} times)");
        }
    }

    private void CompareFiles(string root, IReadOnlyList<DocumentRecord> documents, IEnumerable<string> keptQuarantine)
    {
        var recorded = documents
            .SelectMany(d => new[] { d.ArchivePath, d.TextPath, d.SearchablePdfPath })
            .OfType<string>()
            .Select(path => Path.GetFullPath(Path.Combine(root, path)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var path in recorded.Where(path => !File.Exists(path)))
        {
            Problems.Add($"the record's file {path} is missing");
        }

        foreach (var kept in keptQuarantine.Where(path => !File.Exists(path)))
        {
            Problems.Add($"the quarantined item's kept copy {kept} is missing");
        }

        var caseFolders = Directory.EnumerateFileSystemEntries(root).Where(entry => !NotCaseFolders.Contains(Path.GetFileName(entry), StringComparer.Ordinal) && Directory.Exists(entry));
        foreach (var file in caseFolders.SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)).Where(file => !recorded.Contains(file)))
        {
            Problems.Add($"the file {file} has no record");
        }
    }

    private static string? MessageIdIn(string path)
    {
        try
        {
            return MimeMessage.Load(path).MessageId;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return null;
        }
    }
}
