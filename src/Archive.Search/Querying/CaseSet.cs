using System.Collections.Concurrent;
using System.Numerics;

namespace Archive.Search.Querying;

/// <summary>
/// The distinct cases of a result set as a bitset over their <see cref="CaseOrdinals"/>: 125 KB for a million cases,
/// small enough to stay in the processor's cache while a query visits hundreds of thousands of matches, where a hash
/// table of case keys missed it on nearly every match. A set can also keep each case's payload (its category and
/// status, packed by <see cref="CaseCollector.Pack"/>) so that merging the sets of parallel groups can take back the
/// tally of a case two groups both counted. Sets are pooled (<see cref="Rent"/>, <see cref="Return"/>): a bitset this
/// size per query would be a large-object allocation each time.
/// </summary>
internal sealed class CaseSet
{
    private const int PooledSets = 16;

    private static readonly ConcurrentBag<CaseSet> Pool = [];

    private ulong[] words = [];
    private int[] payloads = [];
    private int usedWords;
    private bool keepsPayloads;

    private CaseSet()
    {
    }

    /// <summary>The number of cases in the set.</summary>
    public int Count { get; private set; }

    /// <summary>An empty set for ordinals below <paramref name="cases"/>, from the pool when one is free.</summary>
    /// <param name="cases">The number of ordinals (<see cref="CaseOrdinals.Count"/> when the search started).</param>
    /// <param name="keepPayloads">Whether <see cref="PayloadOf"/> will be asked (by a merge).</param>
    public static CaseSet Rent(int cases, bool keepPayloads)
    {
        var set = Pool.TryTake(out var pooled) ? pooled : new CaseSet();
        set.usedWords = (cases + 63) >> 6;
        if (set.words.Length < set.usedWords)
        {
            set.words = new ulong[set.usedWords];
        }

        set.keepsPayloads = keepPayloads;
        if (keepPayloads && set.payloads.Length < cases)
        {
            set.payloads = new int[cases];
        }

        return set;
    }

    /// <summary>Clears the set and gives it back to the pool; it must not be used afterwards.</summary>
    public static void Return(CaseSet set)
    {
        // Payloads are read only where a bit is set, so they need no clearing.
        Array.Clear(set.words, 0, set.usedWords);
        set.Count = 0;
        if (Pool.Count < PooledSets)
        {
            Pool.Add(set);
        }
    }

    /// <summary>Adds the case; true when it was not there yet. The payload is kept only for a new case.</summary>
    public bool Add(int ordinal, int payload)
    {
        ref var word = ref words[ordinal >> 6];
        var bit = 1UL << ordinal;
        if ((word & bit) != 0)
        {
            return false;
        }

        word |= bit;
        Count++;
        if (keepsPayloads)
        {
            payloads[ordinal] = payload;
        }

        return true;
    }

    /// <summary>True when the case is in the set.</summary>
    public bool Contains(int ordinal) => (words[ordinal >> 6] & (1UL << ordinal)) != 0;

    /// <summary>The payload the case was added with; only for a set rented to keep payloads, and a case in it.</summary>
    public int PayloadOf(int ordinal) => payloads[ordinal];

    /// <summary>
    /// Adds the cases of <paramref name="other"/> to this set; <paramref name="alreadyHere"/> gets each ordinal that was
    /// in both, so its second tally can be taken back.
    /// </summary>
    public void UnionWith(CaseSet other, Action<int> alreadyHere)
    {
        var length = Math.Min(usedWords, other.usedWords);
        for (var index = 0; index < length; index++)
        {
            var mine = words[index];
            var theirs = other.words[index];
            if (theirs == 0)
            {
                continue;
            }

            var both = mine & theirs;
            while (both != 0)
            {
                alreadyHere((index << 6) + BitOperations.TrailingZeroCount(both));
                both &= both - 1;
            }

            Count += BitOperations.PopCount(theirs & ~mine);
            words[index] = mine | theirs;
        }
    }
}
