using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// <summary>
/// Collects every matching document into cases: counts distinct cases and their categories and statuses, and keeps
/// the top cases for one page in the requested order (<see cref="CaseQueue"/>). Everything it reads per document
/// comes from doc values, so a query matching most of the archive still costs one pass over its matches.
/// </summary>
internal sealed class CaseCollector : ICollector
{
    private readonly SearchSort sort;
    private readonly CaseQueue queue;
    private readonly HashSet<long> seen = [];
    private readonly Dictionary<string, int> categoryCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> statusCounts = new(StringComparer.Ordinal);
    private readonly SegmentFacet categories = new(IndexFields.Category);
    private readonly SegmentFacet statuses = new(IndexFields.Status);
    private Scorer? scorer;
    private NumericDocValues? caseKeys;
    private NumericDocValues? sortValues;
    private int docBase;

    public CaseCollector(SearchSort sort, int capacity)
    {
        this.sort = sort;
        queue = new CaseQueue(capacity);
    }

    public bool AcceptsDocsOutOfOrder => true;

    public int TotalCases => seen.Count;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        docBase = context.DocBase;
        caseKeys = reader.GetNumericDocValues(IndexFields.CaseKey);
        sortValues = sort switch
        {
            SearchSort.Newest or SearchSort.Oldest => reader.GetNumericDocValues(IndexFields.ReceivedAt),
            SearchSort.LongestWaiting => reader.GetNumericDocValues(IndexFields.WaitingSince),
            SearchSort.RegistrationNumber or SearchSort.RegistrationNumberDescending => reader.GetNumericDocValues(IndexFields.RegistrationOrder),
            _ => null,
        };
        categories.Start(reader);
        statuses.Start(reader);
    }

    public void Collect(int doc)
    {
        if (caseKeys is null)
        {
            return;
        }

        var caseKey = caseKeys.Get(doc);
        if (seen.Add(caseKey))
        {
            categories.Count(doc);
            statuses.Count(doc);
        }

        queue.Offer(caseKey, Rank(doc), docBase + doc);
    }

    /// <summary>The cases of one page, in the requested order.</summary>
    public IReadOnlyList<CaseQueue.Entry> Page(int offset, int limit) => [.. queue.BestFirst().Skip(offset).Take(limit)];

    public IReadOnlyDictionary<string, int> CategoryCounts
    {
        get
        {
            Flush();
            return categoryCounts;
        }
    }

    public IReadOnlyDictionary<string, int> StatusCounts
    {
        get
        {
            Flush();
            return statusCounts;
        }
    }

    /// <summary>Higher is better. Ticks fit a double to within microseconds, far finer than any order a clerk sees.</summary>
    private double Rank(int doc)
    {
        switch (sort)
        {
            case SearchSort.Relevance:
                return scorer!.GetScore();
            case SearchSort.LongestWaiting:
                var since = sortValues?.Get(doc) ?? IndexDocumentMapper.NotWaiting;
                return since == IndexDocumentMapper.NotWaiting ? double.NegativeInfinity : -(double)since;
            case SearchSort.Newest or SearchSort.RegistrationNumberDescending:
                return sortValues?.Get(doc) ?? 0;
            default:
                return -(double)(sortValues?.Get(doc) ?? 0);
        }
    }

    private void Flush()
    {
        categories.FlushInto(categoryCounts);
        statuses.FlushInto(statusCounts);
    }

    /// <summary>Counts per segment ordinal (cheap) and turns them into names once per segment.</summary>
    private sealed class SegmentFacet(string field)
    {
        private readonly BytesRef scratch = new();
        private SortedDocValues? values;
        private int[] counts = [];

        public void Start(AtomicReader reader)
        {
            values = reader.GetSortedDocValues(field);
            counts = values is null ? [] : new int[values.ValueCount];
        }

        public void Count(int doc)
        {
            var ordinal = values?.GetOrd(doc) ?? -1;
            if (ordinal >= 0)
            {
                counts[ordinal]++;
            }
        }

        public void FlushInto(Dictionary<string, int> totals)
        {
            for (var ordinal = 0; ordinal < counts.Length; ordinal++)
            {
                if (counts[ordinal] > 0)
                {
                    values!.LookupOrd(ordinal, scratch);
                    var name = scratch.Utf8ToString();
                    totals[name] = totals.GetValueOrDefault(name) + counts[ordinal];
                    counts[ordinal] = 0;
                }
            }
        }
    }
}
