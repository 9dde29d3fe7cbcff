using System.Runtime.CompilerServices;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

/// <summary>Rebuilding the index from a stream of documents while the current index keeps answering.</summary>
public sealed class RebuildTests : IDisposable
{
    private readonly TestIndex index = new();

    [Fact(Timeout = 60_000)]
    public async Task Rebuild_ReplacesTheContent_AndSurvivesReopening()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks."), Letter("C-2026-000002", "The toaster burns."));

        var result = await index.Index.RebuildAsync(
            Source(Letter("C-2026-000002", "The toaster burns the bread."), Letter("C-2026-000003", "The kettle is loud.")),
            progress: null,
            TestContext.Current.CancellationToken);
        index.Reopen();

        Assert.Equal(2, result.DocumentsIndexed);
        Assert.True(result.IndexBytes > 0);
        Assert.Equal(["C-2026-000003"], index.Cases("kettle"));
        Assert.Equal(["C-2026-000002"], index.Cases("bread"));
        Assert.Single(System.IO.Directory.GetDirectories(index.Options.IndexDirectory));
        Assert.False(index.Index.NeedsRebuild);
    }

    [Fact(Timeout = 60_000)]
    public async Task DuringARebuild_SearchesAnswerFromTheCurrentIndex_AndLiveChangesAreCarriedOver()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks.", caseId: "case-1"));
        var gate = new Gate();

        var rebuild = index.Index.RebuildAsync(
            Gated(gate, Letter("C-2026-000001", "The kettle leaks.", caseId: "case-1"), [Letter("C-2026-000002", "The toaster burns.", caseId: "case-2")], TestContext.Current.CancellationToken),
            progress: null,
            TestContext.Current.CancellationToken);
        await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);

        // Half-way: the old index answers; a new capture and a status change land in it at once.
        Assert.Equal(["C-2026-000001"], index.Cases("kettle"));
        Assert.Empty(index.Cases("toaster"));
        index.Index.Upsert(Letter("C-2026-000003", "The fridge is warm.", caseId: "case-3"));
        index.Index.UpdateCase(Case("C-2026-000001", caseId: "case-1", status: "closed", handler: "anna.nowak"));
        index.Index.Commit();
        Assert.Equal(["C-2026-000003"], index.Cases("fridge"));
        Assert.Equal(["C-2026-000001"], index.Cases("status:closed"));

        gate.Open();
        var result = await rebuild;

        Assert.Equal(2, result.DocumentsIndexed);
        Assert.Equal(2, result.ChangesReplayed);
        Assert.Equal(["C-2026-000002"], index.Cases("toaster"));
        Assert.Equal(["C-2026-000003"], index.Cases("fridge"));
        Assert.Equal(["C-2026-000001"], index.Cases("status:closed handler:anna.nowak kettle"));
        Assert.Equal(3, index.Index.DocumentCount);
    }

    [Fact(Timeout = 60_000)]
    public async Task CancelledRebuild_LeavesTheIndexAsItWas_AndCanRunAgain()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks."));
        var gate = new Gate();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var rebuild = index.Index.RebuildAsync(Gated(gate, Letter("C-2026-000002", "The toaster burns."), [], TestContext.Current.CancellationToken), progress: null, cancel.Token);
        await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rebuild);
        Assert.Equal(["C-2026-000001"], index.Cases("kettle"));
        Assert.Empty(index.Cases("toaster"));
        Assert.Single(System.IO.Directory.GetDirectories(index.Options.IndexDirectory));

        await index.Index.RebuildAsync(Source(Letter("C-2026-000002", "The toaster burns.")), progress: null, TestContext.Current.CancellationToken);
        Assert.Equal(["C-2026-000002"], index.Cases("toaster"));
    }

    [Fact(Timeout = 60_000)]
    public async Task FailingSource_ReportsItsError_AndLeavesTheIndexAsItWas()
    {
        index.Add(Letter("C-2026-000001", "The kettle leaks."));

        var exception = await Assert.ThrowsAsync<IOException>(() =>
            index.Index.RebuildAsync(Failing(Letter("C-2026-000002", "The toaster burns."), TestContext.Current.CancellationToken), progress: null, TestContext.Current.CancellationToken));

        Assert.Equal("The archive disk went away.", exception.Message);
        Assert.Equal(["C-2026-000001"], index.Cases("kettle"));
        Assert.Single(System.IO.Directory.GetDirectories(index.Options.IndexDirectory));
    }

    [Fact(Timeout = 60_000)]
    public async Task SecondRebuildWhileOneRuns_IsRefused()
    {
        var gate = new Gate();
        var first = index.Index.RebuildAsync(Gated(gate, Letter("C-2026-000001", "The kettle leaks."), [], TestContext.Current.CancellationToken), progress: null, TestContext.Current.CancellationToken);
        await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => index.Index.RebuildAsync(Source(), progress: null, TestContext.Current.CancellationToken));

        Assert.Contains("already running", exception.Message, StringComparison.Ordinal);
        gate.Open();
        await first;
    }

    [Fact(Timeout = 60_000)]
    public async Task Progress_CountsEveryDocument()
    {
        var reported = new List<long>();
        var letters = Enumerable.Range(1, 2500).Select(number => Letter($"C-2026-{number:000000}", $"Kettle letter {number}.")).ToArray();

        var result = await index.Index.RebuildAsync(Source(letters), new SynchronousProgress(reported), TestContext.Current.CancellationToken);

        Assert.Equal(2500, result.DocumentsIndexed);
        Assert.Equal(2500, reported.Max());
        Assert.Contains(1000, reported);
        Assert.Equal(2500, index.Search("kettle").TotalCases);
    }

    [Fact(Timeout = 60_000)]
    public async Task IndexFromBeforeGenerations_KeepsAnswering_UntilItsRebuildReplacesIt()
    {
        index.Index.Dispose();
        System.IO.Directory.Delete(index.Options.IndexDirectory, recursive: true);
        WriteSchemaOneIndex(index.Options.IndexDirectory);

        index.Reopen();
        var before = index.Cases("kettle");
        var neededRebuild = index.Index.NeedsRebuild;
        await index.Index.RebuildAsync(Source(Letter("C-2026-000001", "The kettle leaks.", caseId: "case-1")), progress: null, TestContext.Current.CancellationToken);

        Assert.True(neededRebuild);
        Assert.Equal(["C-2026-000001"], before);
        Assert.False(index.Index.NeedsRebuild);
        Assert.Equal(["C-2026-000001"], index.Cases("kettle"));
        Assert.Empty(System.IO.Directory.GetFiles(index.Options.IndexDirectory, "segments*"));
    }

    public void Dispose() => index.Dispose();

    /// <summary>The layout and fields an index had before generations (schema 1).</summary>
    private static void WriteSchemaOneIndex(string path)
    {
        using var directory = FSDirectory.Open(path);
        using var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer));
        writer.AddDocument(new Document
        {
            new StringField("id", "doc-1", Field.Store.YES),
            new StringField("case", "case-1", Field.Store.YES),
            new SortedDocValuesField("case", new BytesRef("case-1")),
            new StringField("reg", "c-2026-000001", Field.Store.NO),
            new StoredField("reg", "C-2026-000001"),
            new TextField("text", "The kettle leaks.", Field.Store.YES),
        });
        writer.Commit();
    }

    private static async IAsyncEnumerable<IndexedDocument> Source(params IndexedDocument[] documents)
    {
        foreach (var document in documents)
        {
            await Task.Yield();
            yield return document;
        }
    }

    /// <summary>Yields the first document, then waits at the gate until the test opens it (or the rebuild is cancelled).</summary>
    private static async IAsyncEnumerable<IndexedDocument> Gated(Gate gate, IndexedDocument first, IndexedDocument[] rest, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return first;
        gate.Arrive();
        await gate.Opened.WaitAsync(cancellationToken);
        foreach (var document in rest)
        {
            yield return document;
        }
    }

    private static async IAsyncEnumerable<IndexedDocument> Failing(IndexedDocument first, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return first;
        await Task.Delay(1, cancellationToken);
        throw new IOException("The archive disk went away.");
    }

    private sealed class Gate
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => reached.Task;

        public Task Opened => opened.Task;

        public void Arrive() => reached.TrySetResult();

        public void Open() => opened.TrySetResult();
    }

    private sealed class SynchronousProgress(List<long> reported) : IProgress<IndexRebuildProgress>
    {
        public void Report(IndexRebuildProgress value)
        {
            lock (reported)
            {
                reported.Add(value.DocumentsIndexed);
            }
        }
    }
}
