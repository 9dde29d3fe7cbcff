using Archive.Search;
using Capture.Testing;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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
    public async Task OneShotCommand_CommitsTheIndexWhenDone_NotEveryInterval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        using var directory = new TempDirectory();
        var settings = TestArchive.ForDirectory(directory.Combine("archive"), services => services.AddSingleton<TimeProvider>(time)) with { CommitIndexWhenDone = true };
        using var host = CaptureHostFactory.Build(settings);
        var pipeline = host.Services.GetRequiredService<CapturePipeline>();
        var index = host.Services.GetRequiredService<ArchiveIndex>();
        var inbox = directory.Combine("inbox");
        Directory.CreateDirectory(inbox);

        await pipeline.CaptureAsync(CaptureItem.ForFile(await WriteLetterAsync(inbox, 1), "import"), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(1));
        await pipeline.CaptureAsync(CaptureItem.ForFile(await WriteLetterAsync(inbox, 2), "import"), TestContext.Current.CancellationToken);
        var beforeFlush = index.DocumentCount;
        host.Services.GetRequiredService<CaseIndexer>().Flush();

        Assert.Equal(0, beforeFlush);
        Assert.Equal(2, index.Search(new SearchRequest("czajnik")).TotalCases);
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

    [Fact]
    public async Task Capture_IsSearchableWithinOneSecond_ThroughTheServicesCommitTimer()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        using var archive = new TestArchive(services => services.AddSingleton<TimeProvider>(time));
        using var commits = ActivatorUtilities.CreateInstance<IndexCommitService>(archive.Host.Services);
        await commits.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var letter = await WriteLetterAsync(archive.Scratch("inbox"), 1);
            await archive.Pipeline.CaptureAsync(CaptureItem.ForFile(letter, "import"), TestContext.Current.CancellationToken);
            var before = archive.Index.Search(new SearchRequest("czajnik")).TotalCases;

            time.Advance(TimeSpan.FromSeconds(1));
            var found = await EventuallyAsync(() => archive.Index.Search(new SearchRequest("czajnik")).TotalCases == 1);

            Assert.Equal(0, before);
            Assert.True(found, "the capture was not searchable one (fake) second later");
        }
        finally
        {
            await commits.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task CapturedCase_IsFoundByDaysWaiting_AsTheClockMoves_WithoutReindexing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        using var archive = new TestArchive(services => services.AddSingleton<TimeProvider>(time));
        await archive.ImportAsync(await WriteLetterAsync(archive.Scratch("inbox"), 1));

        var onArrival = (archive.Index.Search(new SearchRequest("waiting:0")).TotalCases, archive.Index.Search(new SearchRequest("waiting:>7")).TotalCases);
        time.Advance(TimeSpan.FromDays(8));
        var eightDaysLater = (archive.Index.Search(new SearchRequest("waiting:0")).TotalCases, archive.Index.Search(new SearchRequest("waiting:>7")).TotalCases);
        var hit = Assert.Single(archive.Index.Search(new SearchRequest("czajnik", Sort: SearchSort.LongestWaiting)).Hits);

        Assert.Equal((1, 0), onArrival);
        Assert.Equal((0, 1), eightDaysLater);
        Assert.Equal(8, hit.DaysWaiting);
        Assert.Equal(1, archive.Index.Search(new SearchRequest("received:2026-11-02")).TotalCases);
    }

    [Fact]
    public async Task Reminder_MakesTheCaseScheduled_ThenDueWhenItsDatePasses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        using var archive = new TestArchive(services => services.AddSingleton<TimeProvider>(time));
        var captured = await archive.ImportAsync(await WriteLetterAsync(archive.Scratch("inbox"), 1));
        var updated = archive.Store.SetReminder(captured.RegistrationNumber!, time.GetUtcNow().AddDays(2), "Check the refund", "anna.nowak");
        archive.Host.Services.GetRequiredService<CaseIndexer>().Reindex(updated);

        int Count(string query) => archive.Index.Search(new SearchRequest(query)).TotalCases;
        var before = (Scheduled: Count("alert:scheduled"), Due: Count("alert:due"));
        time.Advance(TimeSpan.FromDays(3));
        var after = (Scheduled: Count("alert:scheduled"), Due: Count("alert:due"));

        Assert.Equal((1, 0), before);
        Assert.Equal((0, 1), after);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return true;
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
