namespace Archive.Search.Querying;

/// <summary>
/// The best <c>capacity</c> cases seen so far, each represented by its best document: a min-heap of cases with a
/// lookup by case, so a case enters once and moves up when a better document of it arrives. A case pushed out
/// can only come back with a better document than the one that pushed it out, so the final set is exactly the
/// top cases by their best document. Kept in flat arrays: when results are sorted by date, documents arrive in
/// date order and nearly every one enters the queue, so an entry must cost a few nanoseconds.
/// </summary>
internal sealed class CaseQueue
{
    /// <summary>Up to this many cases (a page or two) a vectorised scan finds a member faster than a dictionary.</summary>
    private const int ScannedCapacity = 64;

    private readonly int capacity;
    private readonly int[] cases;
    private readonly double[] ranks;
    private readonly int[] docs;
    private readonly int[] heap;          // heap position -> slot
    private readonly int[] positionOfSlot; // slot -> heap position
    private readonly Dictionary<int, int>? slotByCase;
    private int count;

    public CaseQueue(int capacity)
    {
        this.capacity = capacity;
        var size = Math.Min(capacity, 1 << 20);
        cases = new int[size];
        ranks = new double[size];
        docs = new int[size];
        heap = new int[size];
        positionOfSlot = new int[size];
        slotByCase = capacity > ScannedCapacity ? new Dictionary<int, int>(Math.Min(capacity, 1024)) : null;
    }

    public void Offer(int @case, double rank, int doc)
    {
        // Most documents of a large result rank below the worst held case: they can neither enter nor improve
        // a held case (whose rank is at least the worst), so they are turned away before any lookup.
        if (count == capacity && !Better(rank, doc, heap[0]))
        {
            return;
        }

        var slot = Find(@case);
        if (slot >= 0)
        {
            if (Better(rank, doc, slot))
            {
                ranks[slot] = rank;
                docs[slot] = doc;
                SiftDown(positionOfSlot[slot]);
            }

            return;
        }

        if (count < capacity)
        {
            slot = count++;
            Set(slot, @case, rank, doc);
            heap[slot] = slot;
            positionOfSlot[slot] = slot;
            SiftUp(slot);
            return;
        }

        slot = heap[0];
        slotByCase?.Remove(cases[slot]);
        Set(slot, @case, rank, doc);
        SiftDown(0);
    }

    /// <summary>The held cases, best first; equal ranks go to the earlier-indexed document so paging is stable.</summary>
    public IReadOnlyList<Entry> BestFirst() =>
        [.. Enumerable.Range(0, count)
            .Select(slot => new Entry(cases[slot], ranks[slot], docs[slot]))
            .OrderByDescending(entry => entry.Rank)
            .ThenBy(entry => entry.Doc)];

    private void Set(int slot, int @case, double rank, int doc)
    {
        cases[slot] = @case;
        ranks[slot] = rank;
        docs[slot] = doc;
        slotByCase?.Add(@case, slot);
    }

    private int Find(int @case) =>
        slotByCase is null ? cases.AsSpan(0, count).IndexOf(@case) : slotByCase.GetValueOrDefault(@case, -1);

    private bool Better(double rank, int doc, int slot) =>
        rank > ranks[slot] || (rank == ranks[slot] && doc < docs[slot]);

    /// <summary>True when the case in slot <paramref name="a"/> ranks below the one in slot <paramref name="b"/>.</summary>
    private bool Worse(int a, int b) => Better(ranks[b], docs[b], a);

    private void SiftUp(int position)
    {
        while (position > 0)
        {
            var parent = (position - 1) / 2;
            if (!Worse(heap[position], heap[parent]))
            {
                return;
            }

            Swap(position, parent);
            position = parent;
        }
    }

    private void SiftDown(int position)
    {
        while (true)
        {
            var worst = position;
            var left = (2 * position) + 1;
            var right = left + 1;
            if (left < count && Worse(heap[left], heap[worst]))
            {
                worst = left;
            }

            if (right < count && Worse(heap[right], heap[worst]))
            {
                worst = right;
            }

            if (worst == position)
            {
                return;
            }

            Swap(position, worst);
            position = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (heap[a], heap[b]) = (heap[b], heap[a]);
        positionOfSlot[heap[a]] = a;
        positionOfSlot[heap[b]] = b;
    }

    /// <summary>A held case: its ordinal (<see cref="CaseOrdinals"/>), the rank of its best document, and that document.</summary>
    internal readonly record struct Entry(int Case, double Rank, int Doc);
}
