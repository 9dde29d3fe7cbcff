using System.Text;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Archive.Store.Tests;

/// <summary>A real archive (LiteDB + files) in a temp directory, on a fake clock.</summary>
internal sealed class ArchiveFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public ArchiveFixture(Action<ArchiveStoreOptions>? configure = null)
    {
        Options = new ArchiveStoreOptions { RootDirectory = _temp.Combine("archive") };
        configure?.Invoke(Options);
        Store = Open();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ArchiveStoreOptions Options { get; }

    public ArchiveStore Store { get; private set; }

    public string Root => Options.RootDirectory;

    /// <summary>Closes the store and opens it again on the same folder, as after a restart.</summary>
    public ArchiveStore Reopen()
    {
        Store.Dispose();
        Store = Open();
        return Store;
    }

    public ArchiveStore Open() => new(Options, Time, NullLogger<ArchiveStore>.Instance);

    /// <summary>Every file below the root except LiteDB's own.</summary>
    public IReadOnlyList<string> ArchivedFiles() => Directory
        .EnumerateFiles(Root, "*", SearchOption.AllDirectories)
        .Where(path => !Path.GetFileName(path).StartsWith("capture", StringComparison.Ordinal) || Path.GetDirectoryName(path) != Path.GetFullPath(Root))
        .ToList();

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }

    public static NewCase Case(CaseCategory category = CaseCategory.Complaint, string source = "scanner") =>
        new(category, 0.9, "pl", "Jan Kowalski", "jan@example.com", "Broken kettle", source, Start);

    public static NewDocument Document(
        string name = "letter.pdf",
        string content = "%PDF-1.7 letter",
        string? messageId = null,
        DocumentRole role = DocumentRole.Original,
        int? parentIndex = null,
        Func<Stream>? open = null,
        string source = "scanner") =>
        new(
            name,
            "application/pdf",
            open ?? (() => new MemoryStream(Encoding.UTF8.GetBytes(content))),
            "Extracted text of " + name,
            1,
            false,
            null,
            "pl",
            messageId,
            "Broken kettle",
            DocumentReferences.None,
            [],
            "Jan Kowalski",
            "jan@example.com",
            Start,
            source,
            role,
            parentIndex);
}
