using Archive.Store.Storage;

namespace Archive.Store.Backup;

/// <summary>The files a copied database names, read page by page from the copy itself (so later captures are left out).</summary>
internal static class StoreSnapshotFiles
{
    private const int PageSize = 500;

    /// <summary>
    /// The archive-relative paths of every document's original, text and searchable PDF, and of every quarantined item
    /// kept inside <paramref name="root"/>; the latter are rewritten relative in the copy. Quarantined items kept outside
    /// the archive are added to <paramref name="notCopied"/>.
    /// </summary>
    public static IEnumerable<string> Named(ArchiveDatabase copy, string root, List<string> notCopied)
    {
        string? after = null;
        while (true)
        {
            var page = copy.Documents.Find(LiteDB.Query.GT("_id", after ?? ""), skip: 0, limit: PageSize).ToList();
            foreach (var document in page)
            {
                yield return document.ArchivePath;
                if (!string.IsNullOrEmpty(document.TextPath))
                {
                    yield return document.TextPath;
                }

                if (!string.IsNullOrEmpty(document.SearchablePdfPath))
                {
                    yield return document.SearchablePdfPath;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        foreach (var record in copy.Quarantine.Find(q => q.QuarantinedPath != null).ToList())
        {
            var path = record.QuarantinedPath!;
            var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path;
            if (Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal))
            {
                notCopied.Add($"{path}: quarantine {record.Id} keeps it outside the archive; back that folder up yourself");
                continue;
            }

            relative = relative.Replace('\\', '/');
            if (relative != path)
            {
                record.QuarantinedPath = relative;
                copy.Quarantine.Update(record);
            }

            yield return relative;
        }
    }
}
