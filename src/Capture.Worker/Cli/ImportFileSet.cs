namespace Capture.Worker.Cli;

/// <summary>Expands the paths given to <c>capture import</c> into the files to capture.</summary>
internal static class ImportFileSet
{
    public static List<string> Expand(IEnumerable<string> paths, out List<string> missing)
    {
        missing = [];
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                    IgnoreInaccessible = true,
                };
                foreach (var file in Directory.EnumerateFiles(path, "*", options))
                {
                    if (!IsHidden(Path.GetRelativePath(path, file)))
                    {
                        files.Add(Path.GetFullPath(file));
                    }
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return [.. files];
    }

    /// <summary>True for dot-files and files inside dot-folders below the imported folder (e.g. <c>.capture/</c>, <c>.git/</c>).</summary>
    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(segment => segment.StartsWith('.'));
}
