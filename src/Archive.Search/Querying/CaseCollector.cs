using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// <summary>
/// Collects the matching documents of some segments into cases: the distinct cases with their category and status
/// (<see cref="Cases"/>, tallied in <see cref="CategoryTally"/> and <see cref="StatusTally"/>), and the top cases for one
/// page in the requested order (<see cref="Queue"/>). Everything it reads per document comes from
/// <see cref="SegmentColumns"/>, so a query matching most of the archive still costs one cheap pass over its matches.
/// <see cref="CaseSearch"/> runs one per group of segments and merges them.
/// </summary>
internal sealed class CaseCollector : ICollector, IDisposable
{
    private readonly SearchSort sort;
    private readonly FacetNames categories;
    private readonly FacetNames statuses;
    private Scorer? scorer;
    private SegmentColumns? columns;
    private int[] categoryIds = [];
    private int[] statusIds = [];
    private long[]? sortValues;
    private SortedDocValues? legacyCaseIds;
    private long?[] legacyKeyByOrdinal = [];
    private int docBase;

    public CaseCollector(SearchSort sort, int capacity, FacetNames categories, FacetNames statuses)
    {
        this.sort = sort;
        this.categories = categories;
        this.statuses = statuses;
        Queue = new CaseQueue(capacity);
    }

    /// <summary>
    /// In order: Lucene's out-of-order boolean scorer allocates a bucket table per segment and clause, which costs
    /// more than it saves on queries that expand to several fields and languages.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    /// <summary>The distinct cases, each with its category and status packed by <see cref="Pack"/>.</summary>
    public CaseKeySet Cases { get; } = CaseKeySet.Rent();

    public CaseQueue Queue { get; }

    /// <summary>Cases per category id (<see cref="FacetNames"/>); may be shorter than the number of ids.</summary>
    public int[] CategoryTally { get; private set; } = [];

    public int[] StatusTally { get; private set; } = [];

    /// <summary>A case's category and status ids in one payload (each id plus one, 0 for none).</summary>
    public static int Pack(int categoryId, int statusId) => ((categoryId + 1) << 16) | (statusId + 1);

    public static (int CategoryId, int StatusId) Unpack(int payload) => ((payload >> 16) - 1, (payload & 0xFFFF) - 1);

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        docBase = context.DocBase;
        columns = SegmentColumns.For(reader);
        categoryIds = [.. columns.CategoryNames.Select(categories.IdOf)];
        statusIds = [.. columns.StatusNames.Select(statuses.IdOf)];
        CategoryTally = Grown(CategoryTally, categories.Count);
        StatusTally = Grown(StatusTally, statuses.Count);
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

        var category = columns.Categories[doc];
        var status = columns.Statuses[doc];
        var categoryId = category >= 0 ? categoryIds[category] : -1;
        var statusId = status >= 0 ? statusIds[status] : -1;
        if (Cases.Add(caseKey, Pack(categoryId, statusId)))
        {
            if (categoryId >= 0)
            {
                CategoryTally[categoryId]++;
            }

            if (statusId >= 0)
            {
                StatusTally[statusId]++;
            }
        }

        Queue.Offer(caseKey, Rank(doc), docBase + doc);
    }

    public void Dispose() => CaseKeySet.Return(Cases);

    private static int[] Grown(int[] tally, int size) => tally.Length >= size ? tally : [.. tally, .. new int[size - tally.Length]];

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
}
