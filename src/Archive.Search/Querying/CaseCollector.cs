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
    private readonly CaseKeySet seen = CaseKeySet.Rent();
    private readonly Dictionary<string, int> categoryCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> statusCounts = new(StringComparer.Ordinal);
    private Scorer? scorer;
    private SegmentColumns? columns;
    private int[] categoryTally = [];
    private int[] statusTally = [];
    private long[]? sortValues;
    private SortedDocValues? legacyCaseIds;
    private long?[] legacyKeyByOrdinal = [];
    private int docBase;

    public CaseCollector(SearchSort sort, int capacity)
    {
        this.sort = sort;
        queue = new CaseQueue(capacity);
    }

    /// <summary>
    /// In order: Lucene's out-of-order boolean scorer allocates a bucket table per segment and clause, which costs
    /// more than it saves on queries that expand to several fields and languages.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public int TotalCases => seen.Count;

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

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        docBase = context.DocBase;
        columns = SegmentColumns.For(reader);
        categoryTally = new int[columns.CategoryNames.Length];
        statusTally = new int[columns.StatusNames.Length];
        sortValues = sort switch
        {
            SearchSort.Newest or SearchSort.Oldest => columns.SortKey(IndexFields.ReceivedAt),
            SearchSort.LongestWaiting => columns.SortKey(IndexFields.WaitingSince),
            SearchSort.RegistrationNumber or SearchSort.RegistrationNumberDescending => columns.SortKey(IndexFields.RegistrationOrder),
            _ => null,
        };

        // An index of schema 1 (answering until its rebuild is done) has the case ids but not their keys.
        legacyCaseIds = columns.CaseKeys is null ? reader.GetSortedDocValues(IndexFields.CaseId) : null;
        legacyKeyByOrdinal = legacyCaseIds is null ? [] : new long?[legacyCaseIds.ValueCount];
    }

    public void Collect(int doc)
    {
        long caseKey;
        if (columns!.CaseKeys is { } keys)
        {
            caseKey = keys[doc];
        }
        else if (LegacyCaseKey(doc) is { } legacyKey)
        {
            caseKey = legacyKey;
        }
        else
        {
            return;
        }

        if (seen.Add(caseKey))
        {
            var category = columns.Categories[doc];
            if (category >= 0)
            {
                categoryTally[category]++;
            }

            var status = columns.Statuses[doc];
            if (status >= 0)
            {
                statusTally[status]++;
            }
        }

        queue.Offer(caseKey, Rank(doc), docBase + doc);
    }

    /// <summary>The cases of one page, in the requested order.</summary>
    public IReadOnlyList<CaseQueue.Entry> Page(int offset, int limit) => [.. queue.BestFirst().Skip(offset).Take(limit)];

    private long? LegacyCaseKey(int doc)
    {
        var ordinal = legacyCaseIds?.GetOrd(doc) ?? -1;
        if (ordinal < 0)
        {
            return null;
        }

        if (legacyKeyByOrdinal[ordinal] is not { } key)
        {
            var caseId = new BytesRef();
            legacyCaseIds!.LookupOrd(ordinal, caseId);
            key = IndexDocumentMapper.CaseKey(caseId.Utf8ToString());
            legacyKeyByOrdinal[ordinal] = key;
        }

        return key;
    }

    /// <summary>Higher is better. Ticks fit a double to within microseconds, far finer than any order a clerk sees.</summary>
    private double Rank(int doc)
    {
        switch (sort)
        {
            case SearchSort.Relevance:
                return scorer!.GetScore();
            case SearchSort.LongestWaiting:
                var since = sortValues?[doc] ?? IndexDocumentMapper.NotWaiting;
                return since == IndexDocumentMapper.NotWaiting ? double.NegativeInfinity : -(double)since;
            case SearchSort.Newest or SearchSort.RegistrationNumberDescending:
                return sortValues?[doc] ?? 0;
            default:
                return -(double)(sortValues?[doc] ?? 0);
        }
    }

    /// <summary>Adds the finished segment's tallies to the totals by name (segments number their values differently).</summary>
    private void Flush()
    {
        if (columns is null)
        {
            return;
        }

        AddTally(categoryTally, columns.CategoryNames, categoryCounts);
        AddTally(statusTally, columns.StatusNames, statusCounts);
    }

    private static void AddTally(int[] tally, string[] names, Dictionary<string, int> totals)
    {
        for (var ordinal = 0; ordinal < tally.Length; ordinal++)
        {
            if (tally[ordinal] > 0)
            {
                totals[names[ordinal]] = totals.GetValueOrDefault(names[ordinal]) + tally[ordinal];
                tally[ordinal] = 0;
            }
        }
    }
}
