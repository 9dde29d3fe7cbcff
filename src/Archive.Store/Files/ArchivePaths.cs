namespace Archive.Store.Files;

/// <summary>Turns archive-relative paths into absolute ones, refusing anything that would leave the archive root.</summary>
internal sealed class ArchivePaths
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public ArchivePaths(string rootDirectory)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
    }

    /// <summary>The absolute archive root, without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>Resolves a relative path (either separator) below <see cref="Root"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="relativePath"/> is null.</exception>
    /// <exception cref="ArgumentException">The path contains NUL or resolves outside the root.</exception>
    public string Resolve(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (relativePath.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An archive path must not contain NUL characters.", nameof(relativePath));
        }

        var full = Path.GetFullPath(Path.Combine(Root, relativePath.Replace('\\', '/')));
        if (!IsInside(full))
        {
            throw new ArgumentException($"The archive path '{relativePath}' resolves outside the archive root {Root}.", nameof(relativePath));
        }

        return full;
    }

    private bool IsInside(string fullPath) =>
        string.Equals(fullPath, Root, PathComparison)
        || (fullPath.StartsWith(Root, PathComparison) && fullPath.Length > Root.Length && fullPath[Root.Length] == Path.DirectorySeparatorChar);
}
