using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Search.Tests;

/// <summary>A real Lucene index in a temporary directory, with short-hands for the tests.</summary>
internal sealed class TestIndex : IDisposable
{
    private readonly TempDirectory temp = new();

    public TestIndex()
    {
        Options = new ArchiveSearchOptions { IndexDirectory = temp.Combine("index"), RamBufferSizeMb = 8 };
        Index = Open();
    }

    public ArchiveSearchOptions Options { get; }

    public string RootPath => temp.Path;

    public ArchiveIndex Index { get; private set; }

    public ArchiveIndex Open() => new(Options, NullLogger<ArchiveIndex>.Instance);

    public void Reopen()
    {
        Index.Dispose();
        Index = Open();
    }

    public void Add(params IndexedDocument[] documents)
    {
        foreach (var document in documents)
        {
            Index.Upsert(document);
        }

        Index.Commit();
    }

    public SearchResults Search(string query, int limit = 20, int offset = 0) =>
        Index.Search(new SearchRequest(query, limit, offset));

    /// <summary>Registration numbers of the hits, in result order.</summary>
    public string[] Cases(string query) => [.. Search(query).Hits.Select(hit => hit.RegistrationNumber)];

    public void Dispose()
    {
        Index.Dispose();
        temp.Dispose();
    }
}

/// <summary>Documents as the worker would index them, with defaults for what a test does not care about.</summary>
internal static class Letters
{
    public static IndexedDocument Letter(
        string registrationNumber,
        string text,
        string? documentId = null,
        string? caseId = null,
        string category = "complaint",
        string status = "not-started",
        string? language = "pl",
        string? name = null,
        string? email = null,
        string? subject = null,
        string? fileName = null,
        string[]? orders = null,
        string[]? invoices = null,
        string[]? serials = null,
        string[]? policies = null) =>
        new(
            DocumentId: documentId ?? $"doc-{registrationNumber}",
            CaseId: caseId ?? $"case-{registrationNumber}",
            RegistrationNumber: registrationNumber,
            Category: category,
            Status: status,
            Language: language,
            ContactName: name,
            ContactEmail: email,
            Subject: subject,
            FileName: fileName,
            Text: text,
            ReceivedAt: new DateTimeOffset(2026, 4, 2, 9, 30, 0, TimeSpan.FromHours(2)),
            Orders: orders ?? [],
            Invoices: invoices ?? [],
            Serials: serials ?? [],
            Policies: policies ?? []);
}
