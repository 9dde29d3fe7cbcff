using Capture.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

public sealed class IndexLifecycleTests : IDisposable
{
    private readonly TestIndex index = new();

    [Fact]
    public void Upsert_SameDocumentIdTwice_LeavesOneDocumentWithTheNewContent()
    {
        index.Add(Letter("C-2026-000001", "First OCR pass: kettel leeks.", documentId: "doc-1"));
        index.Add(Letter("C-2026-000001", "Second OCR pass: kettle leaks.", documentId: "doc-1"));

        Assert.Equal(1, index.Index.DocumentCount);
        Assert.Equal(["C-2026-000001"], index.Cases("kettle"));
        Assert.Empty(index.Cases("kettel"));
    }

    [Fact]
    public void Upsert_IsSearchableAfterMaybeRefresh_AndNotBefore()
    {
        index.Index.Upsert(Letter("C-2026-000001", "The kettle leaks."));
        Assert.Empty(index.Cases("kettle"));

        index.Index.MaybeRefresh();

        Assert.Equal(["C-2026-000001"], index.Cases("kettle"));
    }

    [Fact]
    public void UpdateCase_ChangesStatusFilterResultsAfterCommit()
    {
        index.Add(
            Letter("C-2026-000001", "The kettle leaks.", documentId: "a1", caseId: "case-1", status: "not-started"),
            Letter("C-2026-000001", "Customer reply with photos.", documentId: "a2", caseId: "case-1", status: "not-started"),
            Letter("C-2026-000002", "The toaster burns.", documentId: "b1", caseId: "case-2", status: "not-started"));

        index.Index.UpdateCase(Case("C-2026-000001", caseId: "case-1", status: "pending-on-customer"));
        index.Index.Commit();

        Assert.Equal(["C-2026-000002"], index.Cases("status:not-started"));
        Assert.Equal(["C-2026-000001"], index.Cases("status:pending-on-customer"));
        Assert.Equal(["C-2026-000001"], index.Cases("status:pending-on-customer photos"));
        Assert.Equal(3, index.Index.DocumentCount);
        var hit = Assert.Single(index.Search("kettle").Hits);
        Assert.Equal("pending-on-customer", hit.Status);
    }

    [Fact]
    public void UpdateCase_ReachesDocumentsUpsertedButNotYetCommitted()
    {
        index.Index.Upsert(Letter("C-2026-000001", "The kettle leaks.", caseId: "case-1", category: "unclassified"));

        index.Index.UpdateCase(Case("C-2026-000001", caseId: "case-1", status: "pending-on-company"));
        index.Index.Commit();

        Assert.Equal(["C-2026-000001"], index.Cases("category:complaint status:pending-on-company kettle"));
        Assert.Empty(index.Cases("category:unclassified"));
    }

    [Fact]
    public void UpdateCase_KeepsEveryOtherFieldSearchable()
    {
        index.Add(Letter(
            "C-2026-000001",
            "Czajnik z Łodzi przecieka.",
            caseId: "case-1",
            name: "Kovács Éva",
            email: "eva@example.hu",
            subject: "Panasz",
            orders: ["ZAM/2026/1"],
            invoices: ["FV/1"],
            serials: ["SN-1"],
            policies: ["POL-1"]));

        index.Index.UpdateCase(Case("C-2026-000001", caseId: "case-1", status: "closed", name: "Kovács Éva", email: "eva@example.hu"));
        index.Index.Commit();

        foreach (var query in new[] { "lodzi", "name:kovacs", "email:eva@example.hu", "subject:panasz", "order:ZAM/2026/1", "invoice:FV/1", "serial:SN-1", "policy:POL-1", "reg:C-2026-000001" })
        {
            Assert.Equal(["C-2026-000001"], index.Cases(query));
        }
    }

    [Fact]
    public void Index_SurvivesDisposeAndReopen_WithoutExplicitCommit()
    {
        index.Index.Upsert(Letter("C-2026-000001", "The kettle leaks."));

        index.Reopen();

        Assert.Equal(1, index.Index.DocumentCount);
        Assert.Equal(["C-2026-000001"], index.Cases("kettle"));
    }

    [Fact]
    public void Contains_SeesCommittedDocumentsOnly()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks.", documentId: "doc-1"));
        index.Index.Upsert(Letter("C-2026-000002", "The toaster burns.", documentId: "doc-2"));

        Assert.True(index.Index.Contains("doc-1"));
        Assert.False(index.Index.Contains("doc-2"));
        Assert.False(index.Index.Contains("doc-3"));
        index.Index.Commit();
        Assert.True(index.Index.Contains("doc-2"));
    }

    [Fact]
    public void SecondIndexOnTheSameDirectory_IsRefusedWithAClearMessage()
    {
        var exception = Assert.Throws<SearchIndexUnavailableException>(() => index.Open());

        Assert.Contains("already open", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_KeepsAllItsFilesUnderTheIndexDirectory()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks."));

        Assert.Equal([index.Options.IndexDirectory], Directory.GetFileSystemEntries(index.RootPath));
        Assert.NotEmpty(Directory.GetFiles(index.Options.IndexDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void ConcurrentUpserts_AreAllIndexed()
    {
        Parallel.For(0, 200, number => index.Index.Upsert(Letter($"C-2026-{number:000000}", $"Kettle letter {number}.")));
        index.Index.Commit();

        Assert.Equal(200, index.Index.DocumentCount);
        Assert.Equal(200, index.Search("kettle").TotalCases);
    }

    [Theory]
    [InlineData("", 32)]
    [InlineData("index", 0)]
    [InlineData("index", -1)]
    public void InvalidOptions_AreRefusedNamingTheKey(string directory, double ramBufferSizeMb)
    {
        using var temp = new TempDirectory();
        var options = new ArchiveSearchOptions
        {
            IndexDirectory = directory.Length == 0 ? directory : temp.Combine(directory),
            RamBufferSizeMb = ramBufferSizeMb,
        };

        var exception = Assert.Throws<ArgumentException>(() => new ArchiveIndex(options, TimeProvider.System, NullLogger<ArchiveIndex>.Instance).Dispose());

        Assert.Contains("Search:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisposedIndex_RefusesUse()
    {
        index.Index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.Search("kettle"));
    }

    public void Dispose() => index.Dispose();
}
