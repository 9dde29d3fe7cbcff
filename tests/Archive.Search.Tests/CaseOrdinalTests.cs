using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

/// <summary>
/// Cases are numbered once per index generation and keep their numbers across near-real-time refreshes, merges and
/// updates; counts and pages built on those numbers stay right while the index changes under them.
/// </summary>
public sealed class CaseOrdinalTests : IDisposable
{
    private readonly TestIndex index = new(searchThreads: 2);

    [Fact]
    public void NewCaseAfterARefresh_IsCountedBesideTheCasesNumberedBefore()
    {
        index.Add(Letter("C-2026-000001", "Czajnik przecieka.", caseId: "case-1"));
        index.Add(Letter("C-2026-000002", "Czajnik nie grzeje.", caseId: "case-2", category: "thanks"));
        Assert.Equal(2, index.Search("czajnik").TotalCases);

        index.Index.Upsert(Letter("C-2026-000003", "Czajnik znowu przecieka.", caseId: "case-3"));
        index.Index.Upsert(Letter("C-2026-000001", "Czajnik nadal przecieka.", documentId: "doc-1b", caseId: "case-1"));
        index.Index.MaybeRefresh();
        var results = index.Search("czajnik");

        Assert.Equal(3, results.TotalCases);
        Assert.Equal(new Dictionary<string, int> { ["complaint"] = 2, ["thanks"] = 1 }, results.CategoryCounts);
        Assert.Equal(["C-2026-000001", "C-2026-000002", "C-2026-000003"], index.CaseSet("czajnik"));
    }

    [Fact]
    public void CaseReclassifiedAfterItWasNumbered_CountsUnderItsNewCategoryAndStatusOnly()
    {
        index.Add(Letter("C-2026-000001", "Czajnik przecieka.", caseId: "case-1"));
        index.Add(Letter("C-2026-000001", "Czajnik nadal przecieka.", documentId: "doc-1b", caseId: "case-1"));
        index.Add(Letter("C-2026-000002", "Czajnik nie grzeje.", caseId: "case-2"));
        Assert.Equal(new Dictionary<string, int> { ["complaint"] = 2 }, index.Search("czajnik").CategoryCounts);

        index.Index.UpdateCase(Case("C-2026-000001", caseId: "case-1", category: "thanks", status: "closed"));
        index.Index.MaybeRefresh();
        var results = index.Search("czajnik");

        Assert.Equal(2, results.TotalCases);
        Assert.Equal(new Dictionary<string, int> { ["complaint"] = 1, ["thanks"] = 1 }, results.CategoryCounts);
        Assert.Equal(new Dictionary<string, int> { ["closed"] = 1, ["not-started"] = 1 }, results.StatusCounts);
        Assert.Equal(["C-2026-000001"], index.CaseSet("category:thanks"));
    }

    [Fact]
    public void CaseWhoseOnlyDocumentMovedToAnotherCase_IsNoLongerCounted()
    {
        index.Add(Letter("C-2026-000001", "Czajnik przecieka.", documentId: "doc-a", caseId: "case-1"));
        index.Add(Letter("C-2026-000002", "Czajnik nie grzeje.", documentId: "doc-b", caseId: "case-2", category: "thanks"));
        Assert.Equal(2, index.Search("czajnik").TotalCases);

        // Filed under the wrong case: the worker moves it, which deletes the document of case 1 and adds one to case 2.
        index.Index.Upsert(Letter("C-2026-000002", "Czajnik przecieka.", documentId: "doc-a", caseId: "case-2", category: "thanks"));
        index.Index.MaybeRefresh();
        var results = index.Search("czajnik");

        Assert.Equal(1, results.TotalCases);
        Assert.Equal(new Dictionary<string, int> { ["thanks"] = 1 }, results.CategoryCounts);
        Assert.Equal(["C-2026-000002"], index.Cases("czajnik"));
    }

    [Fact]
    public void ReopenedIndex_NumbersItsCasesAfresh_WithTheSameCounts()
    {
        index.Add(Letter("C-2026-000001", "Czajnik przecieka.", caseId: "case-1"));
        index.Add(Letter("C-2026-000002", "Czajnik nie grzeje.", caseId: "case-2", status: "closed"));
        var before = index.Search("czajnik");

        index.Reopen();
        index.Index.Upsert(Letter("C-2026-000003", "Czajnik przecieka.", caseId: "case-3"));
        index.Index.MaybeRefresh();
        var after = index.Search("czajnik");

        Assert.Equal(before.TotalCases + 1, after.TotalCases);
        Assert.Equal(new Dictionary<string, int> { ["closed"] = 1, ["not-started"] = 2 }, after.StatusCounts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomUpsertsUpdatesAndMoves_CountsMatchAModelAfterEveryRefresh(int seed)
    {
        var random = new Random(seed);
        string[] categories = ["complaint", "thanks", "suggestion"];
        string[] statuses = ["not-started", "pending-on-company", "closed"];
        var caseOfDocument = new Dictionary<string, int>();
        var stateOfCase = new Dictionary<int, (string Category, string Status)>();
        IndexedDocument Document(string documentId, int @case) => Letter(
            $"C-2026-{@case:000000}",
            $"Czajnik numer {@case} przecieka.",
            documentId: documentId,
            caseId: $"case-{@case}",
            category: stateOfCase[@case].Category,
            status: stateOfCase[@case].Status);

        for (var round = 0; round < 12; round++)
        {
            for (var change = 0; change < 15; change++)
            {
                var documentId = $"doc-{caseOfDocument.Count}";
                switch (random.Next(4))
                {
                    case 0 or 1 when stateOfCase.Count > 0 && random.Next(2) == 0:
                        // A follow-up of an existing case.
                        var existing = stateOfCase.Keys.ElementAt(random.Next(stateOfCase.Count));
                        caseOfDocument[documentId] = existing;
                        index.Index.Upsert(Document(documentId, existing));
                        break;
                    case 0 or 1:
                        var opened = stateOfCase.Count == 0 ? 1 : stateOfCase.Keys.Max() + 1;
                        stateOfCase[opened] = (categories[random.Next(3)], statuses[random.Next(3)]);
                        caseOfDocument[documentId] = opened;
                        index.Index.Upsert(Document(documentId, opened));
                        break;
                    case 2 when stateOfCase.Count > 0:
                        var updated = stateOfCase.Keys.ElementAt(random.Next(stateOfCase.Count));
                        stateOfCase[updated] = (categories[random.Next(3)], statuses[random.Next(3)]);
                        index.Index.UpdateCase(Case($"C-2026-{updated:000000}", caseId: $"case-{updated}", category: stateOfCase[updated].Category, status: stateOfCase[updated].Status));
                        break;
                    case 3 when caseOfDocument.Count > 0 && stateOfCase.Count > 1:
                        // A document moved to another case.
                        var moved = caseOfDocument.Keys.ElementAt(random.Next(caseOfDocument.Count));
                        var target = stateOfCase.Keys.ElementAt(random.Next(stateOfCase.Count));
                        caseOfDocument[moved] = target;
                        index.Index.Upsert(Document(moved, target));
                        break;
                }
            }

            if (round % 3 == 2)
            {
                index.Index.Commit();
            }
            else
            {
                index.Index.MaybeRefresh();
            }

            var liveCases = caseOfDocument.Values.Distinct().ToList();
            var results = index.Search("czajnik", limit: 5);
            Assert.Equal(liveCases.Count, results.TotalCases);
            Assert.Equal(Tally(liveCases, @case => stateOfCase[@case].Category), results.CategoryCounts);
            Assert.Equal(Tally(liveCases, @case => stateOfCase[@case].Status), results.StatusCounts);
            Assert.Equal(results.Hits.Count, results.Hits.Select(hit => hit.CaseId).Distinct().Count());
        }
    }

    public void Dispose() => index.Dispose();

    private static Dictionary<string, int> Tally(IEnumerable<int> cases, Func<int, string> valueOf) =>
        cases.GroupBy(valueOf).ToDictionary(group => group.Key, group => group.Count());
}
