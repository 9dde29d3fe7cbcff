using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

/// <summary>A search over groups of segments on several threads gives the same cases, counts and order as one thread.</summary>
public sealed class ParallelSearchTests : IDisposable
{
    private readonly TestIndex single = new(searchThreads: 1);
    private readonly TestIndex parallel = new(searchThreads: 3);

    public ParallelSearchTests()
    {
        // Committed in batches, so the index has several segments; follow-ups land in other segments than their cases.
        var random = new Random(11);
        for (var batch = 0; batch < 6; batch++)
        {
            var letters = Enumerable.Range(0, 40).Select(i =>
            {
                var number = (batch * 40) + i;
                var caseNumber = batch > 0 && i % 4 == 0 ? random.Next(number) : number;
                return Letter(
                    $"C-2026-{caseNumber:000000}",
                    $"Reklamacja numer {number}: czajnik {(number % 3 == 0 ? "przecieka" : "nie grzeje")}.",
                    documentId: $"doc-{number}",
                    caseId: $"case-{caseNumber}",
                    category: caseNumber % 2 == 0 ? "complaint" : "thanks",
                    status: caseNumber % 5 == 0 ? "closed" : "not-started",
                    receivedAt: DefaultReceivedAt.AddHours(number));
            }).ToArray();
            single.Add(letters);
            parallel.Add(letters);
        }
    }

    [Theory]
    [InlineData("czajnik", SearchSort.Relevance)]
    [InlineData("przecieka", SearchSort.Newest)]
    [InlineData("category:complaint", SearchSort.Oldest)]
    [InlineData("reklamacja NOT status:closed", SearchSort.RegistrationNumberDescending)]
    public void ParallelSearch_MatchesTheSingleThreadedOne(string query, SearchSort sort)
    {
        var one = single.Search(query, limit: 30, sort: sort);
        var many = parallel.Search(query, limit: 30, sort: sort);

        Assert.True(one.TotalCases > 30);
        Assert.Equal(one.TotalCases, many.TotalCases);
        Assert.Equal(one.CategoryCounts, many.CategoryCounts);
        Assert.Equal(one.StatusCounts, many.StatusCounts);
        Assert.Equal(one.Hits.Select(hit => hit.RegistrationNumber), many.Hits.Select(hit => hit.RegistrationNumber));
        Assert.Equal(one.TotalCases, one.CategoryCounts.Values.Sum());
    }

    public void Dispose()
    {
        single.Dispose();
        parallel.Dispose();
    }
}
