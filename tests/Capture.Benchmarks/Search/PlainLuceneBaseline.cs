using System.Diagnostics;
using Archive.Search;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Capture.Benchmarks.Search;

/// <summary>What a piece of work cost.</summary>
/// <param name="Documents">Documents indexed (or generated).</param>
/// <param name="Wall">Wall-clock time.</param>
/// <param name="Cpu">CPU time of the whole process (all threads: merges and the garbage collector included).</param>
internal sealed record CostMeasurement(long Documents, TimeSpan Wall, TimeSpan Cpu)
{
    public double CpuMillisecondsPerDocument => Documents == 0 ? 0 : Cpu.TotalMilliseconds / Documents;

    public double DocumentsPerSecond => Documents / Wall.TotalSeconds;

    /// <summary>Runs <paramref name="work"/>, which returns how many documents it handled, and measures it.</summary>
    public static CostMeasurement Measure(Func<long> work)
    {
        var cpu = ProcessCpuTime();
        var clock = Stopwatch.StartNew();
        var documents = work();
        return new CostMeasurement(documents, clock.Elapsed, ProcessCpuTime() - cpu);
    }

    /// <summary>User plus system time of this process so far.</summary>
    public static TimeSpan ProcessCpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

/// <summary>
/// The yardstick for Capture's indexing cost: the same generated documents in the plainest Lucene index that can still
/// be searched and show a snippet (StandardAnalyzer, the text in one stored <see cref="TextField"/>, the id in a
/// <see cref="StringField"/>), written by one <see cref="IndexWriter"/> from one thread.
/// </summary>
internal static class PlainLuceneBaseline
{
    public const int MaxDocuments = 50_000;

    /// <summary>Indexes <paramref name="documents"/> into a new index in <paramref name="directory"/>.</summary>
    public static CostMeasurement Index(IEnumerable<IndexedDocument> documents, string directory, CancellationToken cancellationToken) =>
        CostMeasurement.Measure(() =>
        {
            long count = 0;
            using var store = FSDirectory.Open(directory);
            using var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
            using var writer = new IndexWriter(store, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 });
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.AddDocument(
                [
                    new StringField("id", document.DocumentId, Field.Store.YES),
                    new TextField("text", document.Text, Field.Store.YES),
                ]);
                count++;
            }

            writer.Commit();
            return count;
        });

    /// <summary>Only generates the documents: the part of both indexing costs that is the benchmark's own.</summary>
    public static CostMeasurement GenerateOnly(IEnumerable<IndexedDocument> documents) =>
        CostMeasurement.Measure(() =>
        {
            long count = 0;
            foreach (var document in documents)
            {
                count += document.Text.Length > 0 ? 1 : 0;
            }

            return count;
        });
}
