using Archive.Search;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Pipeline;

public sealed class CaseIndexerTests
{
    private static readonly Dictionary<string, string?> SlowCommits = new() { ["Capture:IndexCommitInterval"] = "00:00:10" };

    [Fact]
    public async Task Captures_WithinTheCommitInterval_ShareOneCommit_AndAreSearchableAfterFlush()
    {
        using var archive = new TestArchive(configuration: SlowCommits);
        var inbox = archive.Scratch("inbox");
        var first = await WriteLetterAsync(inbox, 1);
        var second = await WriteLetterAsync(inbox, 2);

        await archive.Pipeline.CaptureAsync(CaptureItem.ForFile(first, "import"), TestContext.Current.CancellationToken);
        await archive.Pipeline.CaptureAsync(CaptureItem.ForFile(second, "import"), TestContext.Current.CancellationToken);
        var beforeFlush = archive.Index.DocumentCount;
        archive.Host.Services.GetRequiredService<CaseIndexer>().Flush();

        Assert.Equal(0, beforeFlush);
        Assert.Equal(2, archive.Index.DocumentCount);
        Assert.Equal(2, archive.Index.Search(new SearchRequest("czajnik")).TotalCases);
    }

    [Fact]
    public async Task CatchUp_AfterTheIndexLostDocuments_IndexesThemAgainFromTheStore()
    {
        using var archive = new TestArchive();
        var inbox = archive.Scratch("inbox");
        await archive.ImportAsync(await WriteLetterAsync(inbox, 1));
        await archive.ImportAsync(await WriteLetterAsync(inbox, 2));
        // A rebuild from nothing stands for an index that lost what the store has.
        await archive.Index.RebuildAsync(AsyncEnumerable.Empty<IndexedDocument>(), progress: null, TestContext.Current.CancellationToken);
        var lost = archive.Index.DocumentCount;

        var restored = ActivatorUtilities.CreateInstance<CaseIndexer>(archive.Host.Services).CatchUp();

        Assert.Equal(0, lost);
        Assert.Equal(2, restored);
        Assert.Equal(2, archive.Index.Search(new SearchRequest("czajnik")).TotalCases);
    }

    private static async Task<string> WriteLetterAsync(string directory, int number)
    {
        var path = Path.Combine(directory, $"letter-{number}.txt");
        await File.WriteAllTextAsync(
            path,
            $"Dzień dobry, czajnik z zamówienia ZAM/2026/{number:00000} przecieka od pierwszego dnia. Proszę o wymianę. Anna Nowak",
            TestContext.Current.CancellationToken);
        return path;
    }
}
