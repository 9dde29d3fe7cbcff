using static Archive.Search.Tests.Letters;

namespace Archive.Search.Tests;

/// <summary>Results are cases: documents of one case collapse into one hit, paged over cases.</summary>
public sealed class CaseResultTests : IDisposable
{
    private readonly TestIndex index = new();

    [Fact]
    public void TwoDocumentsOfOneCase_GiveOneHit()
    {
        index.Add(
            Letter("C-2026-000001", "The kettle leaks.", documentId: "a1", caseId: "case-1"),
            Letter("C-2026-000001", "Reply: the replacement kettle leaks too.", documentId: "a2", caseId: "case-1"),
            Letter("C-2026-000002", "My kettle is great.", documentId: "b1", caseId: "case-2"));

        var results = index.Search("kettle");

        Assert.Equal(2, results.TotalCases);
        Assert.Equal(["case-1", "case-2"], results.Hits.Select(hit => hit.CaseId).Order());
        Assert.Equal(3, index.Index.DocumentCount);
    }

    [Fact]
    public void CaseHit_IsTheBestScoringDocumentOfTheCase()
    {
        index.Add(
            Letter("C-2026-000001", "Order confirmation for a toaster and a lamp.", documentId: "first", caseId: "case-1"),
            Letter("C-2026-000001", "Leaking kettle, kettle, kettle: the kettle leaks everywhere.", documentId: "second", caseId: "case-1"),
            Letter("C-2026-000001", "Kettle mentioned once among many other words about the weather and the delivery.", documentId: "third", caseId: "case-1"));

        var hit = Assert.Single(index.Search("kettle").Hits);

        Assert.Equal("second", hit.DocumentId);
    }

    [Fact]
    public void CaseHit_CarriesTheCaseFields()
    {
        index.Add(Letter(
            "C-2026-000042",
            "Czajnik przecieka.",
            caseId: "case-42",
            category: "complaint",
            status: "pending-on-customer",
            name: "Jan Kowalski",
            email: "Jan.Kowalski@Example.pl",
            subject: "Reklamacja"));

        var hit = Assert.Single(index.Search("czajnik").Hits);

        Assert.Equal("C-2026-000042", hit.RegistrationNumber);
        Assert.Equal("case-42", hit.CaseId);
        Assert.Equal("doc-C-2026-000042", hit.DocumentId);
        Assert.Equal("complaint", hit.Category);
        Assert.Equal("pending-on-customer", hit.Status);
        Assert.Equal("Jan Kowalski", hit.ContactName);
        Assert.Equal("jan.kowalski@example.pl", hit.ContactEmail);
        Assert.Equal("Reklamacja", hit.Subject);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public void Hits_AreOrderedByScore()
    {
        index.Add(
            Letter("C-2026-000001", "A long letter about many things: delivery, weather, the courier, the invoice, and once the kettle."),
            Letter("C-2026-000002", "Kettle kettle kettle."));

        Assert.Equal(["C-2026-000002", "C-2026-000001"], index.Cases("kettle"));
    }

    [Fact]
    public void Paging_WalksOverCasesWithoutRepeatsOrGaps()
    {
        var letters = Enumerable.Range(1, 7)
            .SelectMany(number => new[]
            {
                Letter($"C-2026-{number:000000}", $"Kettle complaint number {number}.", documentId: $"d{number}a", caseId: $"case-{number}"),
                Letter($"C-2026-{number:000000}", $"Follow-up about the kettle {number}.", documentId: $"d{number}b", caseId: $"case-{number}"),
            })
            .ToArray();
        index.Add(letters);

        var pages = new[] { index.Search("kettle", limit: 3, offset: 0), index.Search("kettle", limit: 3, offset: 3), index.Search("kettle", limit: 3, offset: 6) };

        Assert.All(pages, page => Assert.Equal(7, page.TotalCases));
        Assert.Equal([3, 3, 1], pages.Select(page => page.Hits.Count));
        var allCases = pages.SelectMany(page => page.Hits.Select(hit => hit.CaseId)).ToList();
        Assert.Equal(7, allCases.Distinct().Count());
        Assert.Empty(index.Search("kettle", limit: 3, offset: 9).Hits);
    }

    [Fact]
    public void Search_WithInvalidPaging_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search("kettle", limit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search("kettle", offset: -1));
    }

    public void Dispose() => index.Dispose();
}
