using System.Numerics;

namespace Archive.Search.Querying;

/// <summary>
/// The distinct case keys of a result set: an open-addressing table with linear probing, sized in powers of two.
/// Case keys are hashes already, so their low bits index the table directly; adding one costs a few nanoseconds,
/// which matters when a query matches hundreds of thousands of documents. One set per thread is reused from query
/// to query (<see cref="Rent"/>): a fresh megabyte-sized table per query would be a large-object allocation each time.
/// </summary>
internal sealed class CaseKeySet
{
    private const long Empty = 0;
    private const int InitialSlots = 1024;

    [ThreadStatic]
    private static CaseKeySet? cached;

    private long[] slots = new long[InitialSlots];
    private bool containsEmptyKey;

    /// <summary>An empty set for this thread's query; the previous query's set, cleared.</summary>
    public static CaseKeySet Rent()
    {
        var set = cached ??= new CaseKeySet();
        set.Clear();
        return set;
    }

    public int Count { get; private set; }

    /// <summary>Adds the key; true when it was not there yet.</summary>
    public bool Add(long key)
    {
        if (key == Empty)
        {
            if (containsEmptyKey)
            {
                return false;
            }

            containsEmptyKey = true;
            Count++;
            return true;
        }

        var mask = slots.Length - 1;
        var index = (int)key & mask;
        while (true)
        {
            var slot = slots[index];
            if (slot == key)
            {
                return false;
            }

            if (slot == Empty)
            {
                slots[index] = key;
                if (++Count * 2 > slots.Length)
                {
                    Grow();
                }

                return true;
            }

            index = (index + 1) & mask;
        }
    }

    private void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(slots);
            Count = 0;
            containsEmptyKey = false;
        }
    }

    private void Grow()
    {
        var old = slots;
        slots = new long[(int)BitOperations.RoundUpToPowerOf2((uint)old.Length * 2)];
        var mask = slots.Length - 1;
        foreach (var key in old)
        {
            if (key == Empty)
            {
                continue;
            }

            var index = (int)key & mask;
            while (slots[index] != Empty)
            {
                index = (index + 1) & mask;
            }

            slots[index] = key;
        }
    }
}
