using System.Collections.Concurrent;
using System.Numerics;

namespace Archive.Search.Querying;

/// <summary>
/// The distinct case keys of a result set, each with a small payload (the case's category and status): an
/// open-addressing table with linear probing, sized in powers of two. Case keys are hashes already, so their low bits
/// index the table directly; adding one costs a few nanoseconds, which matters when a query matches hundreds of
/// thousands of documents. Sets are pooled (<see cref="Rent"/>, <see cref="Return"/>): a fresh megabyte-sized table per
/// query would be a large-object allocation each time.
/// </summary>
internal sealed class CaseKeySet
{
    private const long Empty = 0;
    private const int InitialSlots = 1024;
    private const int PooledSets = 16;

    private static readonly ConcurrentBag<CaseKeySet> Pool = [];

    // Key and payload side by side: one cache line per probe, which is what a table of a million cases costs.
    private Slot[] slots = new Slot[InitialSlots];
    private bool containsEmptyKey;
    private int emptyKeyPayload;

    private CaseKeySet()
    {
    }

    public int Count { get; private set; }

    /// <summary>An empty set, from the pool when one is free.</summary>
    public static CaseKeySet Rent() => Pool.TryTake(out var set) ? set : new CaseKeySet();

    /// <summary>Clears the set and gives it back to the pool; it must not be used afterwards.</summary>
    public static void Return(CaseKeySet set)
    {
        set.Clear();
        if (Pool.Count < PooledSets)
        {
            Pool.Add(set);
        }
    }

    /// <summary>Adds the key with its payload; true when it was not there yet (the first payload stays).</summary>
    public bool Add(long key, int payload)
    {
        if (key == Empty)
        {
            if (containsEmptyKey)
            {
                return false;
            }

            containsEmptyKey = true;
            emptyKeyPayload = payload;
            Count++;
            return true;
        }

        var mask = slots.Length - 1;
        var index = (int)key & mask;
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Key == key)
            {
                return false;
            }

            if (slot.Key == Empty)
            {
                slot.Key = key;
                slot.Payload = payload;
                if (++Count * 2 > slots.Length)
                {
                    Grow();
                }

                return true;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>Every key with its payload.</summary>
    public IEnumerable<(long Key, int Payload)> Entries()
    {
        if (containsEmptyKey)
        {
            yield return (Empty, emptyKeyPayload);
        }

        for (var index = 0; index < slots.Length; index++)
        {
            if (slots[index].Key != Empty)
            {
                yield return (slots[index].Key, slots[index].Payload);
            }
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
        slots = new Slot[(int)BitOperations.RoundUpToPowerOf2((uint)old.Length * 2)];
        var mask = slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Key == Empty)
            {
                continue;
            }

            var index = (int)entry.Key & mask;
            while (slots[index].Key != Empty)
            {
                index = (index + 1) & mask;
            }

            slots[index] = entry;
        }
    }

    private struct Slot
    {
        public long Key;
        public int Payload;
    }
}
