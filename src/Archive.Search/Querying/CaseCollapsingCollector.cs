using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// <summary>
/// Collects every matching document and keeps, per case, the best-scoring one, so results are cases,
/// not documents, and the total counts distinct cases. Case ids are read from doc values, resolved once
/// per segment ordinal.
/// </summary>
internal sealed class CaseCollapsingCollector : ICollector
{
    private readonly Dictionary<string, int> slotByCaseId = new(StringComparer.Ordinal);
    private readonly List<CaseBest> cases = [];
    private readonly BytesRef scratch = new();
    private Scorer? scorer;
    private SortedDocValues? caseIds;
    private int[] slotByOrdinal = [];
    private int docBase;

    public int TotalCases => cases.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        docBase = context.DocBase;
        caseIds = context.AtomicReader.GetSortedDocValues(IndexFields.CaseId);
        slotByOrdinal = caseIds is null ? [] : new int[caseIds.ValueCount];
        Array.Fill(slotByOrdinal, -1);
    }

    public void Collect(int doc)
    {
        var ordinal = caseIds?.GetOrd(doc) ?? -1;
        if (ordinal < 0)
        {
            return;
        }

        var slot = slotByOrdinal[ordinal];
        if (slot < 0)
        {
            caseIds!.LookupOrd(ordinal, scratch);
            var caseId = scratch.Utf8ToString();
            if (!slotByCaseId.TryGetValue(caseId, out slot))
            {
                slot = cases.Count;
                cases.Add(new CaseBest(caseId));
                slotByCaseId.Add(caseId, slot);
            }

            slotByOrdinal[ordinal] = slot;
        }

        var score = scorer!.GetScore();
        var globalDoc = docBase + doc;
        var best = cases[slot];
        if (score > best.Score || (score == best.Score && globalDoc < best.Doc))
        {
            best.Score = score;
            best.Doc = globalDoc;
        }
    }

    /// <summary>The cases of one page, best first; ties go to the earlier-indexed document so paging is stable.</summary>
    public IReadOnlyList<CaseBest> Page(int offset, int limit) =>
        cases
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Doc)
            .Skip(offset)
            .Take(limit)
            .ToList();

    internal sealed class CaseBest(string caseId)
    {
        public string CaseId { get; } = caseId;

        public float Score { get; set; } = float.NegativeInfinity;

        public int Doc { get; set; } = int.MaxValue;
    }
}
