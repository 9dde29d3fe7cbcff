using Archive.Search.Querying;

namespace Archive.Search.Tests;

/// <summary>The top-cases queue and the case counter against a brute-force answer on random matches.</summary>
public sealed class CaseQueueTests
{
    [Theory]
    [InlineData(3, 50, 1)]
    [InlineData(20, 5_000, 2)]
    [InlineData(200, 5_000, 3)] // beyond the scanned size: members are found through a dictionary
    [InlineData(20, 5_000, 4)]
    public void Queue_HoldsExactlyTheBestCasesByTheirBestDocument(int capacity, int documents, int seed)
    {
        var random = new Random(seed);
        var matches = Enumerable.Range(0, documents)
            .Select(doc => (Case: random.Next(documents / 3), Rank: (double)random.Next(1000), Doc: doc))
            .ToList();
        if (seed == 4)
        {
            // Dates in capture order: every document is better than the last, the queue's worst case.
            matches = [.. matches.Select(match => match with { Rank = match.Doc })];
        }

        var queue = new CaseQueue(capacity);
        foreach (var (@case, rank, doc) in matches)
        {
            queue.Offer(@case, rank, doc);
        }

        var expected = matches
            .GroupBy(match => match.Case)
            .Select(group => group.OrderByDescending(match => match.Rank).ThenBy(match => match.Doc).First())
            .OrderByDescending(best => best.Rank)
            .ThenBy(best => best.Doc)
            .Take(capacity)
            .Select(best => (best.Case, best.Rank, best.Doc));
        Assert.Equal(expected, queue.BestFirst().Select(entry => (entry.Case, entry.Rank, entry.Doc)));
    }

    [Fact]
    public void CaseSet_CountsDistinctCases_AndKeepsTheFirstPayload()
    {
        var random = new Random(7);
        var cases = Enumerable.Range(0, 100_000).Select(_ => random.Next(50_000)).Append(0).Append(49_999).ToList();

        var set = CaseSet.Rent(50_000, keepPayloads: true);
        var added = cases.Where(@case => set.Add(@case, payload: @case & 0xFF)).ToList();

        Assert.Equal(cases.Distinct().Count(), added.Count);
        Assert.Equal(added.Count, set.Count);
        Assert.All(added, @case => Assert.Equal(@case & 0xFF, set.PayloadOf(@case)));
        Assert.All(Enumerable.Range(0, 50_000), @case => Assert.Equal(added.Contains(@case), set.Contains(@case)));
        CaseSet.Return(set);
        Assert.Equal(0, CaseSet.Rent(50_000, keepPayloads: false).Count);
    }

    [Fact]
    public void CaseSet_Union_CountsEachCaseOnce_AndNamesTheCasesInBoth()
    {
        var random = new Random(11);
        var first = Enumerable.Range(0, 3_000).Select(_ => random.Next(10_000)).ToHashSet();
        var second = Enumerable.Range(0, 3_000).Select(_ => random.Next(10_000)).ToHashSet();
        var a = CaseSet.Rent(10_000, keepPayloads: false);
        var b = CaseSet.Rent(10_000, keepPayloads: true);
        foreach (var @case in first)
        {
            a.Add(@case, 0);
        }

        foreach (var @case in second)
        {
            b.Add(@case, 0);
        }

        var inBoth = new List<int>();
        a.UnionWith(b, inBoth.Add);

        Assert.Equal(first.Union(second).Count(), a.Count);
        Assert.Equal(first.Intersect(second).Order(), inBoth.Order());
        CaseSet.Return(a);
        CaseSet.Return(b);
    }

    [Fact]
    public void CaseOrdinals_AreDenseAndStable_ForTheSameKeys()
    {
        var random = new Random(3);
        var keys = Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).Append(0).ToArray();
        var ordinals = new CaseOrdinals();
        var first = new int[keys.Length];
        ordinals.Assign(keys, first);

        var again = new int[keys.Length];
        ordinals.Assign([.. keys.Reverse()], again);

        Assert.Equal(keys.Distinct().Count(), ordinals.Count);
        Assert.Equal(Enumerable.Range(0, ordinals.Count), first.Distinct().Order());
        Assert.Equal(first.Reverse(), again);
    }
}
