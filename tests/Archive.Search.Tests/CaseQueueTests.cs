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
            .Select(doc => (Case: (long)random.Next(documents / 3), Rank: (double)random.Next(1000), Doc: doc))
            .ToList();
        if (seed == 4)
        {
            // Dates in capture order: every document is better than the last, the queue's worst case.
            matches = [.. matches.Select(match => match with { Rank = match.Doc })];
        }

        var queue = new CaseQueue(capacity);
        foreach (var (caseKey, rank, doc) in matches)
        {
            queue.Offer(caseKey, rank, doc);
        }

        var expected = matches
            .GroupBy(match => match.Case)
            .Select(group => group.OrderByDescending(match => match.Rank).ThenBy(match => match.Doc).First())
            .OrderByDescending(best => best.Rank)
            .ThenBy(best => best.Doc)
            .Take(capacity)
            .Select(best => (best.Case, best.Rank, best.Doc));
        Assert.Equal(expected, queue.BestFirst().Select(entry => (entry.CaseKey, entry.Rank, entry.Doc)));
    }

    [Fact]
    public void CaseKeySet_CountsDistinctKeys_IncludingZero_AcrossGrowth()
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 100_000).Select(_ => random.NextInt64(-50_000, 50_000)).Append(0).ToList();

        var set = CaseKeySet.Rent();
        var added = keys.Count(key => set.Add(key, payload: (int)(key & 0xFF)));
        var entries = set.Entries().ToList();
        CaseKeySet.Return(set);

        Assert.Equal(keys.Distinct().Count(), added);
        Assert.Equal(added, entries.Count);
        Assert.All(entries, entry => Assert.Equal((int)(entry.Key & 0xFF), entry.Payload));
        Assert.Equal(0, CaseKeySet.Rent().Count);
    }
}
