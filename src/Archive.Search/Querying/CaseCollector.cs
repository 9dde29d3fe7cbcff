using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// <summary>
/// Collects the matching documents of some segments into cases: the distinct cases (<see cref="Cases"/>, by their
/// <see cref="CaseOrdinals"/>), each tallied once by the category and status of the first of its documents seen
/// (<see cref="CategoryTally"/>, <see cref="StatusTally"/>), and the top cases for one page in the requested order
/// (<see cref="Queue"/>). Everything it reads per document comes from <see cref="SegmentColumns"/>, so a query matching
/// most of the archive still costs one cheap pass over its matches. <see cref="CaseSearch"/> runs one per group of
/// segments and merges them.
/// </summary>
internal sealed class CaseCollector : ICollector, IDisposable
{
    private readonly SearchSort sort;
    private readonly FacetNames categories;
    private readonly FacetNames statuses;
    private readonly CaseOrdinals ordinals;
    private Scorer? scorer;
    private SegmentColumns? columns;
    private int[] categoryIds = [];
    private int[] statusIds = [];
    private long[]? sortValues;
    private int[] caseOfDoc = [];
    private int docBase;

    /// <param name="sort">The order of the cases.</param>
    /// <param name="capacity">How many of the best cases to keep.</param>
    /// <param name="categories">The category ids, shared by the collectors of one search.</param>
    /// <param name="statuses">The status ids, likewise.</param>
    /// <param name="ordinals">The generation's case numbering; every segment this collector sees is loaded with it.</param>
    /// <param name="cases">The number of ordinals once the searcher's segments are loaded.</param>
    /// <param name="keepPayloads">Whether the merge will ask for each case's payload (a second or later group).</param>
    public CaseCollector(SearchSort sort, int capacity, FacetNames categories, FacetNames statuses, CaseOrdinals ordinals, int cases, bool keepPayloads)
    {
        this.sort = sort;
        this.categories = categories;
        this.statuses = statuses;
        this.ordinals = ordinals;
        Cases = CaseSet.Rent(cases, keepPayloads);
        Queue = new CaseQueue(capacity);
    }

    /// <summary>
    /// In order: Lucene's out-of-order boolean scorer allocates a bucket table per segment and clause, which costs
    /// more than it saves on queries that expand to several fields and languages.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    /// <summary>The distinct cases, each with its category and status packed by <see cref="Pack"/> when kept.</summary>
    public CaseSet Cases { get; }

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
        columns = SegmentColumns.For(reader, ordinals);
        caseOfDoc = columns.Cases;
        categoryIds = [.. columns.CategoryNames.Select(categories.IdOf)];
        statusIds = [.. columns.StatusNames.Select(statuses.IdOf)];
        CategoryTally = Grown(CategoryTally, categories.Count);
        StatusTally = Grown(StatusTally, statuses.Count);
        sortValues = sort switch
        {
            SearchSort.Newest or SearchSort.Oldest => columns.SortKey(reader, IndexFields.ReceivedAt),
            SearchSort.LongestWaiting => columns.SortKey(reader, IndexFields.WaitingSince),
            SearchSort.RegistrationNumber or SearchSort.RegistrationNumberDescending => columns.SortKey(reader, IndexFields.RegistrationOrder),
            _ => null,
        };
    }

    public void Collect(int doc)
    {
        var @case = caseOfDoc[doc];
        if (@case < 0)
        {
            return;
        }

        if (!Cases.Contains(@case))
        {
            var category = columns!.Categories[doc];
            var status = columns.Statuses[doc];
            var categoryId = category >= 0 ? categoryIds[category] : -1;
            var statusId = status >= 0 ? statusIds[status] : -1;
            Cases.Add(@case, Pack(categoryId, statusId));
            if (categoryId >= 0)
            {
                CategoryTally[categoryId]++;
            }

            if (statusId >= 0)
            {
                StatusTally[statusId]++;
            }
        }

        Queue.Offer(@case, Rank(doc), docBase + doc);
    }

    public void Dispose() => CaseSet.Return(Cases);

    private static int[] Grown(int[] tally, int size) => tally.Length >= size ? tally : [.. tally, .. new int[size - tally.Length]];

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
