using Archive.Store.Audit;
using Archive.Store.Cases;

namespace Archive.Store.Tests;

public sealed class ReclassificationTests
{
    [Fact]
    public void Reclassify_SetsTheCategoryKeepsACorrectionAndRecordsWhoAndWhy()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(CaseCategory.Suggestion), [ArchiveFixture.Document()], null).Case;
        archive.Time.Advance(TimeSpan.FromHours(2));

        var updated = archive.Store.Reclassify(" " + opened.RegistrationNumber.ToLowerInvariant(), CaseCategory.Complaint, "anna.nowak", "Asks for a refund");

        var reopened = archive.Reopen();
        var stored = reopened.FindCase(opened.RegistrationNumber)!;
        Assert.Equal((CaseCategory.Complaint, 1.0), (updated.Category, updated.CategoryConfidence));
        Assert.Equal((CaseCategory.Complaint, 1.0), (stored.Category, stored.CategoryConfidence));
        var correction = Assert.Single(reopened.ListCorrections());
        Assert.Equal((CaseCategory.Suggestion, CaseCategory.Complaint, "anna.nowak", "Asks for a refund", "pl"),
            (correction.From, correction.To, correction.By, correction.Note, correction.Language));
        Assert.Equal(ArchiveFixture.Start.AddHours(2), correction.At);
        var entry = reopened.GetHistory(opened.Id).Last(e => e.Kind == CaseEventKinds.Reclassified);
        Assert.Equal((CaseEventKinds.Reclassified, "anna.nowak"), (entry.Kind, entry.Actor));
        Assert.Contains("suggestion → complaint", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reclassify_ToTheCategoryTheCaseHas_ChangesNothing()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(CaseCategory.Thanks), [ArchiveFixture.Document()], null).Case;

        archive.Store.Reclassify(opened.RegistrationNumber, CaseCategory.Thanks, "anna.nowak");

        Assert.Empty(archive.Store.ListCorrections());
        Assert.Single(archive.Store.GetHistory(opened.Id));
        Assert.Equal(0.9, archive.Store.FindCase(opened.RegistrationNumber)!.CategoryConfidence);
    }

    [Fact]
    public void Reclassify_RefusesUnclassifiedAndUnknownCases()
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        var unclassified = Assert.Throws<ArgumentException>(() => archive.Store.Reclassify(opened.RegistrationNumber, CaseCategory.Unclassified, "anna"));
        Assert.Throws<CaseNotFoundException>(() => archive.Store.Reclassify("C-2026-999999", CaseCategory.Thanks, "anna"));
        Assert.Throws<ArgumentException>(() => archive.Store.Reclassify(opened.RegistrationNumber, CaseCategory.Thanks, " "));

        Assert.Contains("Complaint, Suggestion, Thanks", unclassified.Message, StringComparison.Ordinal);
        Assert.Empty(archive.Store.ListCorrections());
    }

    [Fact]
    public void ListTriage_HoldsTheOpenUnclassifiedCasesWithTheClassifiersGuess_UntilAPersonDecides()
    {
        using var archive = new ArchiveFixture();
        var unsure = archive.Store.OpenCase(ArchiveFixture.Case(CaseCategory.Unclassified) with { CategoryConfidence = 0.41 }, [ArchiveFixture.Document("a.pdf", "a")], null).Case;
        archive.Store.OpenCase(ArchiveFixture.Case(CaseCategory.Complaint), [ArchiveFixture.Document("b.pdf", "b")], null);
        var guessed = archive.Store.OpenCase(
            ArchiveFixture.Case(CaseCategory.Unclassified) with { SuggestedCategory = CaseCategory.Thanks },
            [ArchiveFixture.Document("c.pdf", "c")],
            null).Case;

        var queue = archive.Store.ListTriage();
        Assert.Equal([unsure.RegistrationNumber, guessed.RegistrationNumber], queue.Select(c => c.RegistrationNumber));
        Assert.Equal(CaseCategory.Thanks, queue[1].SuggestedCategory);

        archive.Store.Reclassify(guessed.RegistrationNumber, CaseCategory.Thanks, "anna");

        Assert.Equal([unsure.RegistrationNumber], archive.Store.ListTriage().Select(c => c.RegistrationNumber));
        Assert.Null(archive.Store.FindCase(guessed.RegistrationNumber)!.SuggestedCategory);
    }
}
