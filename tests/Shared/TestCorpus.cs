namespace Capture.Testing;

/// <summary>
/// Finds the third-party test corpus that lives beside the repository (<c>../shared/corpus</c>) or at
/// <c>$CAPTURE_CORPUS</c>. The corpus is never committed into the project (see DESIGN.md).
/// </summary>
internal static class TestCorpus
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The corpus directory, or null when it is not present on this machine.</summary>
    public static string? Directory => Root.Value;

    /// <summary>
    /// Returns the path of a corpus file, or skips the calling test with a reason when the corpus is absent.
    /// </summary>
    public static string RequireFile(string relativePath)
    {
        var root = RequireDirectory();
        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The corpus at {root} has no file {relativePath}.", path);
        }

        return path;
    }

    /// <summary>Returns the corpus directory, or skips the calling test with a reason when it is absent.</summary>
    public static string RequireDirectory()
    {
        var root = Directory;
        if (root is null)
        {
            Assert.Skip("The shared test corpus was not found: expected ../shared/corpus beside the repository or $CAPTURE_CORPUS.");
        }

        return root;
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CAPTURE_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        var repositoryRoot = RepositoryRoot.Find();
        var candidate = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "corpus"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}

/// <summary>Finds the repository root (the folder holding Capture.sln) from the test's output directory.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Search);

    public static string Find() => Root.Value;

    /// <summary>The project's own <c>samples/</c> folder.</summary>
    public static string Samples => Path.Combine(Find(), "samples");

    private static string Search()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Capture.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Capture.sln above {AppContext.BaseDirectory}; tests must run inside the repository.");
    }
}

/// <summary>A temporary directory deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "capture-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failing test must not hide that test's own failure.
        }
        catch (UnauthorizedAccessException)
        {
            // Archived originals are read-only; a leftover temp directory is harmless.
        }
    }
}
