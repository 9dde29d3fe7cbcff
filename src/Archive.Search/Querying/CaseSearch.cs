using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// <summary>
/// Runs a query over the segments of the index in parallel groups, one <see cref="CaseCollector"/> per group, and
/// merges them: a case whose documents lie in two groups is counted once, and the page holds the best cases of all.
/// A broad query spends its time visiting every match (to count cases per category and status), which parallelises.
/// </summary>
internal static class CaseSearch
{
    /// <summary>Below this many documents in the index a query is quick enough that starting threads would cost more.</summary>
    private const int ParallelFromDocuments = 50_000;

    /// <summary>Below this many estimated matches the same holds: a reference number or a rare name stays on one thread.</summary>
    private const long ParallelFromMatches = 20_000;

    /// <summary>The outcome of a search, before the hits' documents are read.</summary>
    public sealed record Outcome(
        int TotalCases,
        IReadOnlyList<CaseQueue.Entry> BestFirst,
        IReadOnlyDictionary<string, int> CategoryCounts,
        IReadOnlyDictionary<string, int> StatusCounts);

    /// <param name="searcher">The index as of now.</param>
    /// <param name="query">The compiled query.</param>
    /// <param name="sort">The order of the cases.</param>
    /// <param name="capacity">How many of the best cases to keep (offset plus limit).</param>
    /// <param name="parallelism">Threads to use; 0 means one per processor once the index is large enough to gain from it.</param>
    /// <param name="ordinals">The case numbering of the searcher's index generation.</param>
    public static Outcome Run(IndexSearcher searcher, CaseOrdinals ordinals, Query query, SearchSort sort, int capacity, int parallelism)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var categories = new FacetNames();
        var statuses = new FacetNames();
        var groups = Groups(searcher.IndexReader, parallelism, weight);

        // Loading every segment first numbers all their cases, so the bitsets can be sized once.
        foreach (var segment in searcher.IndexReader.Leaves)
        {
            _ = SegmentColumns.For(segment.AtomicReader, ordinals);
        }

        var cases = ordinals.Count;
        var collectors = groups.Select((_, index) => new CaseCollector(sort, capacity, categories, statuses, ordinals, cases, keepPayloads: index > 0)).ToList();
        try
        {
            if (groups.Count == 1)
            {
                Collect(weight, groups[0], collectors[0]);
            }
            else
            {
                var others = Enumerable.Range(1, groups.Count - 1)
                    .Select(index => Task.Run(() => Collect(weight, groups[index], collectors[index])))
                    .ToArray();
                Collect(weight, groups[0], collectors[0]);
                Task.WaitAll(others);
            }

            return Merge(collectors, categories, statuses, capacity);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerExceptions[0]);
            throw;
        }
        finally
        {
            foreach (var collector in collectors)
            {
                collector.Dispose();
            }
        }
    }

    private static void Collect(Weight weight, IReadOnlyList<AtomicReaderContext> segments, CaseCollector collector)
    {
        foreach (var segment in segments)
        {
            collector.SetNextReader(segment);
            var scorer = weight.GetBulkScorer(segment, !collector.AcceptsDocsOutOfOrder, segment.AtomicReader.LiveDocs);
            scorer?.Score(collector);
        }
    }

    /// <summary>Segments in groups of about equal size, largest first, one group per thread.</summary>
    private static List<List<AtomicReaderContext>> Groups(IndexReader reader, int parallelism, Weight weight)
    {
        var segments = reader.Leaves;
        var threads = parallelism > 0 ? parallelism
            : reader.MaxDoc < ParallelFromDocuments || EstimatedMatches(reader, weight) < ParallelFromMatches ? 1
            : Environment.ProcessorCount;
        var count = Math.Clamp(threads, 1, Math.Max(1, segments.Count));
        var groups = Enumerable.Range(0, count).Select(_ => new List<AtomicReaderContext>()).ToList();
        var sizes = new long[count];
        foreach (var segment in segments.OrderByDescending(segment => segment.AtomicReader.MaxDoc))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            groups[smallest].Add(segment);
            sizes[smallest] += segment.AtomicReader.MaxDoc;
        }

        // Lucene expects each collector to see its segments in index order.
        foreach (var group in groups)
        {
            group.Sort((a, b) => a.DocBase.CompareTo(b.DocBase));
        }

        return groups;
    }

    /// <summary>Lucene's estimate of the matches in the largest segment, scaled to the whole index.</summary>
    private static long EstimatedMatches(IndexReader reader, Weight weight)
    {
        var largest = reader.Leaves.MaxBy(segment => segment.AtomicReader.MaxDoc);
        if (largest is null || largest.AtomicReader.MaxDoc == 0)
        {
            return 0;
        }

        var scorer = weight.GetScorer(largest, largest.AtomicReader.LiveDocs);
        return scorer is null ? 0 : scorer.GetCost() * reader.MaxDoc / largest.AtomicReader.MaxDoc;
    }

    private static Outcome Merge(List<CaseCollector> collectors, FacetNames categories, FacetNames statuses, int capacity)
    {
        var categoryTally = new int[categories.Count];
        var statusTally = new int[statuses.Count];
        foreach (var collector in collectors)
        {
            Add(categoryTally, collector.CategoryTally);
            Add(statusTally, collector.StatusTally);
        }

        // A case seen by two collectors was tallied twice: count it once.
        var all = collectors[0].Cases;
        foreach (var other in collectors.Skip(1))
        {
            all.UnionWith(other.Cases, @case =>
            {
                var (categoryId, statusId) = CaseCollector.Unpack(other.Cases.PayloadOf(@case));
                if (categoryId >= 0)
                {
                    categoryTally[categoryId]--;
                }

                if (statusId >= 0)
                {
                    statusTally[statusId]--;
                }
            });
        }

        var best = collectors
            .SelectMany(collector => collector.Queue.BestFirst())
            .GroupBy(entry => entry.Case)
            .Select(group => group.OrderByDescending(entry => entry.Rank).ThenBy(entry => entry.Doc).First())
            .OrderByDescending(entry => entry.Rank)
            .ThenBy(entry => entry.Doc)
            .Take(capacity)
            .ToList();
        return new Outcome(all.Count, best, Counts(categoryTally, categories), Counts(statusTally, statuses));
    }

    private static void Add(int[] total, int[] part)
    {
        for (var id = 0; id < part.Length; id++)
        {
            total[id] += part[id];
        }
    }

    private static Dictionary<string, int> Counts(int[] tally, FacetNames names)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < tally.Length; id++)
        {
            if (tally[id] > 0)
            {
                counts[names.NameOf(id)] = tally[id];
            }
        }

        return counts;
    }
}
