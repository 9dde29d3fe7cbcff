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

    private long[] keys = new long[InitialSlots];
    private int[] payloads = new int[InitialSlots];
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

        var mask = keys.Length - 1;
        var index = (int)key & mask;
        while (true)
        {
            var slot = keys[index];
            if (slot == key)
            {
                return false;
            }

            if (slot == Empty)
            {
                keys[index] = key;
                payloads[index] = payload;
                if (++Count * 2 > keys.Length)
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

        for (var index = 0; index < keys.Length; index++)
        {
            if (keys[index] != Empty)
            {
                yield return (keys[index], payloads[index]);
            }
        }
    }

    private void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(keys);
            Count = 0;
            containsEmptyKey = false;
        }
    }

    private void Grow()
    {
        var oldKeys = keys;
        var oldPayloads = payloads;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)oldKeys.Length * 2);
        keys = new long[size];
        payloads = new int[size];
        var mask = size - 1;
        for (var old = 0; old < oldKeys.Length; old++)
        {
            var key = oldKeys[old];
            if (key == Empty)
            {
                continue;
            }

            var index = (int)key & mask;
            while (keys[index] != Empty)
            {
                index = (index + 1) & mask;
            }

            keys[index] = key;
            payloads[index] = oldPayloads[old];
        }
    }
}
