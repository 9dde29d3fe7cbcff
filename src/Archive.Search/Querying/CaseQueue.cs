namespace Archive.Search.Querying;

/// <summary>
/// The best <c>capacity</c> cases seen so far, each represented by its best document: a min-heap of cases with a
/// lookup by case, so a case enters once and moves up when a better document of it arrives. A case pushed out
/// can only come back with a better document than the one that pushed it out, so the final set is exactly the
/// top cases by their best document.
/// </summary>
internal sealed class CaseQueue(int capacity)
{
    private readonly Dictionary<long, Entry> members = new(Math.Min(capacity, 1024));
    private readonly List<Entry> heap = new(Math.Min(capacity, 1024));

    public void Offer(long caseKey, double rank, int doc)
    {
        // Most documents of a large result rank below the worst held case: they can neither enter nor improve
        // a held case (whose rank is at least the worst), so they are turned away before any lookup.
        if (heap.Count == capacity && !Better(rank, doc, heap[0].Rank, heap[0].Doc))
        {
            return;
        }

        if (members.TryGetValue(caseKey, out var member))
        {
            if (Better(rank, doc, member.Rank, member.Doc))
            {
                member.Rank = rank;
                member.Doc = doc;
                SiftDown(member.Index);
            }

            return;
        }

        if (heap.Count < capacity)
        {
            var entry = new Entry { CaseKey = caseKey, Rank = rank, Doc = doc, Index = heap.Count };
            heap.Add(entry);
            members.Add(caseKey, entry);
            SiftUp(entry.Index);
            return;
        }

        var worst = heap[0];
        members.Remove(worst.CaseKey);
        worst.CaseKey = caseKey;
        worst.Rank = rank;
        worst.Doc = doc;
        members.Add(caseKey, worst);
        SiftDown(0);
    }

    /// <summary>The held cases, best first; equal ranks go to the earlier-indexed document so paging is stable.</summary>
    public IReadOnlyList<Entry> BestFirst() =>
        [.. heap.OrderByDescending(entry => entry.Rank).ThenBy(entry => entry.Doc)];

    private static bool Better(double rank, int doc, double otherRank, int otherDoc) =>
        rank > otherRank || (rank == otherRank && doc < otherDoc);

    private static bool Worse(Entry a, Entry b) => Better(b.Rank, b.Doc, a.Rank, a.Doc);

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Worse(heap[index], heap[parent]))
            {
                return;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var worst = index;
            foreach (var child in (ReadOnlySpan<int>)[(2 * index) + 1, (2 * index) + 2])
            {
                if (child < heap.Count && Worse(heap[child], heap[worst]))
                {
                    worst = child;
                }
            }

            if (worst == index)
            {
                return;
            }

            Swap(index, worst);
            index = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (heap[a], heap[b]) = (heap[b], heap[a]);
        heap[a].Index = a;
        heap[b].Index = b;
    }

    internal sealed class Entry
    {
        public long CaseKey { get; set; }

        public double Rank { get; set; }

        public int Doc { get; set; }

        public int Index { get; set; }
    }
}
