using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Archive.Search.Tests;

/// <summary>A real Lucene index in a temporary directory, with short-hands for the tests.</summary>
internal sealed class TestIndex : IDisposable
{
    private readonly TempDirectory temp = new();

    public TestIndex(int searchThreads = 0)
    {
        Options = new ArchiveSearchOptions { IndexDirectory = temp.Combine("index"), RamBufferSizeMb = 8, TimeZone = "Europe/Warsaw", SearchThreads = searchThreads };
        Index = Open();
    }

    /// <summary>The index's clock: <see cref="Letters.Now"/> unless a test moves it.</summary>
    public FakeTimeProvider Time { get; } = new(Letters.Now);

    public ArchiveSearchOptions Options { get; }

    public string RootPath => temp.Path;

    public ArchiveIndex Index { get; private set; }

    public ArchiveIndex Open() => new(Options, Time, NullLogger<ArchiveIndex>.Instance);

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

    public SearchResults Search(string query, int limit = 20, int offset = 0, SearchSort sort = SearchSort.Relevance) =>
        Index.Search(new SearchRequest(query, limit, offset, sort));

    /// <summary>Registration numbers of the hits, in result order.</summary>
    public string[] Cases(string query, SearchSort sort = SearchSort.Relevance) => [.. Search(query, sort: sort).Hits.Select(hit => hit.RegistrationNumber)];

    /// <summary>Registration numbers of the hits, sorted, for queries whose order does not matter.</summary>
    public string[] CaseSet(string query) => [.. Cases(query).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        Index.Dispose();
        temp.Dispose();
    }
}

/// <summary>Documents as the worker would index them, with defaults for what a test does not care about.</summary>
internal static class Letters
{
    /// <summary>"Now" for the tests' clock: 2026-11-20 12:00 in Warsaw.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(1));

    public static readonly DateTimeOffset DefaultReceivedAt = new(2026, 4, 2, 9, 30, 0, TimeSpan.FromHours(2));

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
        string[]? policies = null,
        string? handler = null,
        DateTimeOffset? receivedAt = null,
        DateTimeOffset? waitingSince = null,
        DateTimeOffset? alertDueAt = null) =>
        new(
            DocumentId: documentId ?? $"doc-{registrationNumber}",
            Case: Case(registrationNumber, caseId, category, status, name, email, handler, waitingSince, alertDueAt),
            Language: language,
            Subject: subject,
            FileName: fileName,
            Text: text,
            ReceivedAt: receivedAt ?? DefaultReceivedAt,
            Orders: orders ?? [],
            Invoices: invoices ?? [],
            Serials: serials ?? [],
            Policies: policies ?? []);

    /// <summary>A case; the registration number's digits give its year and sequence (<c>C-2026-000123</c> → 2026, 123).</summary>
    public static IndexedCase Case(
        string registrationNumber,
        string? caseId = null,
        string category = "complaint",
        string status = "not-started",
        string? name = null,
        string? email = null,
        string? handler = null,
        DateTimeOffset? waitingSince = null,
        DateTimeOffset? alertDueAt = null)
    {
        var parts = registrationNumber.Split('-');
        var year = parts.Length == 3 && int.TryParse(parts[1], out var y) ? y : 0;
        var sequence = parts.Length == 3 && int.TryParse(parts[2], out var n) ? n : 0;
        return new IndexedCase(
            CaseId: caseId ?? $"case-{registrationNumber}",
            RegistrationNumber: registrationNumber,
            RegistrationYear: year,
            RegistrationSequence: sequence,
            Category: category,
            Status: status,
            Handler: handler,
            ContactName: name,
            ContactEmail: email,
            WaitingSince: waitingSince,
            AlertDueAt: alertDueAt);
    }
}
