using System.Numerics;

namespace Archive.Search.Querying;

/// <summary>
/// Dense numbers for the cases of one index generation: each case key gets the next free ordinal the first time a
/// segment holding it is loaded (<see cref="SegmentColumns"/>), and keeps it for as long as the generation lives, across
/// near-real-time refreshes and merges (a merged segment's documents find their cases' ordinals again). A search then
/// marks the cases it matched in a bitset of one bit per case (<see cref="CaseSet"/>) instead of a hash table of keys,
/// which at a million cases no longer fits the processor's cache.
/// </summary>
/// <remarks>
/// About 16 bytes per case: the key of each ordinal and an open-addressing table of ordinals. A case whose documents
/// are all deleted keeps its ordinal (never set in a search again) until the next rebuild starts a new generation.
/// Thread-safe: ordinals are only handed out under a lock, while loading a segment.
/// </remarks>
internal sealed class CaseOrdinals
{
    private const int InitialCases = 1024;

    private readonly Lock gate = new();
    private long[] keyOf = new long[InitialCases];
    private int[] slots = new int[InitialCases * 2]; // ordinal + 1, 0 for a free slot
    private int count;

    /// <summary>Ordinals handed out so far: every ordinal a loaded segment holds is below it.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Writes the ordinal of each key (assigning new ones as needed) into <paramref name="ordinals"/>.</summary>
    public void Assign(ReadOnlySpan<long> keys, Span<int> ordinals)
    {
        if (ordinals.Length < keys.Length)
        {
            throw new ArgumentException("One ordinal per key is needed.", nameof(ordinals));
        }

        lock (gate)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                ordinals[i] = OrdinalOf(keys[i]);
            }
        }
    }

    private int OrdinalOf(long key)
    {
        var mask = slots.Length - 1;
        var index = Slot(key, mask);
        while (slots[index] != 0)
        {
            var ordinal = slots[index] - 1;
            if (keyOf[ordinal] == key)
            {
                return ordinal;
            }

            index = (index + 1) & mask;
        }

        var added = count;
        if (added == keyOf.Length)
        {
            Array.Resize(ref keyOf, added * 2);
        }

        keyOf[added] = key;
        slots[index] = added + 1;
        Volatile.Write(ref count, added + 1);
        if ((added + 1) * 2 > slots.Length)
        {
            Rehash();
        }

        return added;
    }

    private void Rehash()
    {
        slots = new int[slots.Length * 2];
        var mask = slots.Length - 1;
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            var index = Slot(keyOf[ordinal], mask);
            while (slots[index] != 0)
            {
                index = (index + 1) & mask;
            }

            slots[index] = ordinal + 1;
        }
    }

    /// <summary>Case keys are hashes already; the multiply spreads keys that differ only in their high bits.</summary>
    private static int Slot(long key, int mask) =>
        (int)(BitOperations.RotateLeft(unchecked((ulong)key * 0x9E3779B97F4A7C15UL), 32) & (uint)mask);
}
