namespace Archive.Search.Tests;

/// <summary>Results in the order a clerk asks for, and counts per category and status of the whole result set.</summary>
public sealed class SortingAndCountTests(TrilingualArchive archive) : IClassFixture<TrilingualArchive>
{
    [Theory]
    // 102 arrived 1 November, 101's follow-up 3 October (its first letter 1 October), 103 15 September.
    [InlineData(SearchSort.Newest, "102 101 103")]
    [InlineData(SearchSort.Oldest, "103 101 102")]
    [InlineData(SearchSort.RegistrationNumber, "101 102 103")]
    [InlineData(SearchSort.RegistrationNumberDescending, "103 102 101")]
    public void PolishLetters_InTheRequestedOrder(SearchSort sort, string expected) =>
        Assert.Equal(Numbers(expected), archive.Index.Cases("lang:pl", sort));

    [Fact]
    public void LongestWaiting_PutsTheLongestWaitFirst_AndCasesNobodyWaitsOnLast()
    {
        var order = archive.Index.Cases("*:*", SearchSort.LongestWaiting);

        Assert.Equal(Numbers("101 201 303 102 301"), order[..5]);
        Assert.Equal(Numbers("103 202 203 302").Order(StringComparer.Ordinal), order[5..].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hits_ShowDaysWaitingAndHandler()
    {
        var hit = Assert.Single(archive.Index.Search("reg:C-2026-000201").Hits);

        Assert.Equal(15, hit.DaysWaiting);
        Assert.Equal("peter.toth", hit.Handler);
        Assert.Null(Assert.Single(archive.Index.Search("reg:C-2026-000203").Hits).DaysWaiting);
    }

    [Fact]
    public void SortedPaging_WalksTheSameOrderPageByPage()
    {
        var all = archive.Index.Cases("*:*", SearchSort.Newest);
        var paged = Enumerable.Range(0, 4)
            .SelectMany(page => archive.Index.Search("*:*", limit: 3, offset: page * 3, sort: SearchSort.Newest).Hits)
            .Select(hit => hit.RegistrationNumber);

        Assert.Equal(9, all.Length);
        Assert.Equal(all, paged);
    }

    [Fact]
    public void Counts_AreOfCasesPerCategoryAndStatus_NotOfDocuments()
    {
        // Both letters of case 101 mention a complaint (reklamację, reklamacji); it counts once.
        var results = archive.Index.Search("reklamacja", limit: 1);

        Assert.Equal(3, results.TotalCases);
        Assert.Single(results.Hits);
        Assert.Equal(new Dictionary<string, int> { ["complaint"] = 1, ["suggestion"] = 1, ["thanks"] = 1 }, results.CategoryCounts);
        Assert.Equal(new Dictionary<string, int> { ["pending-on-company"] = 1, ["not-started"] = 1, ["closed"] = 1 }, results.StatusCounts);
    }

    [Fact]
    public void Counts_CoverTheWholeArchiveForMatchAll()
    {
        var results = archive.Index.Search("*:*");

        Assert.Equal(9, results.TotalCases);
        Assert.Equal(new Dictionary<string, int> { ["complaint"] = 3, ["suggestion"] = 3, ["thanks"] = 3 }, results.CategoryCounts);
        Assert.Equal(9, results.StatusCounts.Values.Sum());
        Assert.Equal(4, results.StatusCounts["closed"] + results.StatusCounts["pending-on-customer"]);
    }

    private static string[] Numbers(string numbers) =>
        [.. numbers.Split(' ').Select(number => $"C-2026-000{number}")];
}
