using Archive.Search;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Pipeline;

/// <summary>The bundled samples are captured, classified, described and searchable as their ground truth says.</summary>
public sealed class SampleInboxTests(SampleInboxFixture fixture) : IClassFixture<SampleInboxFixture>
{
    public static TheoryData<string> Samples => new(SampleExpectations.All.Select(s => s.File));

    [Fact]
    public void Inbox_HoldsAtLeastFifteenSamplesCoveringEveryLanguageAndCategory()
    {
        Assert.True(SampleExpectations.All.Count >= 15, $"only {SampleExpectations.All.Count} samples");
        var combinations = SampleExpectations.All.Select(s => (s.Language, s.Category)).Distinct().Count();
        Assert.Equal(9, combinations);
        var onDisk = Directory.GetFiles(SampleExpectations.InboxDirectory).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(SampleExpectations.All.Select(s => s.File).Order(), onDisk);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Import_Sample_OpensACaseWithTheExpectedCategoryAndLanguage(string file)
    {
        var expected = SampleExpectations.For(file);
        var result = fixture.Results[file];

        Assert.Equal(CaptureOutcome.Opened, result.Outcome);
        Assert.Matches(@"^C-\d{4}-\d{6}$", result.RegistrationNumber);
        Assert.Equal(expected.Category, ArchiveVocabulary.Word(result.Category));
        Assert.Equal(expected.Language, result.Language);
        Assert.Equal(expected.Ocr, result.Ocr);
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Import_Sample_ExtractsTheContactAndEveryReferenceNumber(string file)
    {
        var expected = SampleExpectations.For(file);
        var result = fixture.Results[file];

        Assert.Equal(expected.Contact.Name, result.Contact.Name);
        Assert.Equal(expected.Contact.Email, result.Contact.Email);
        Assert.Equal(expected.References.Orders.Order(), result.References.Orders.Order());
        Assert.Equal(expected.References.Invoices.Order(), result.References.Invoices.Order());
        Assert.Equal(expected.References.Serials.Order(), result.References.Serials.Order());
        Assert.Equal(expected.References.Policies.Order(), result.References.Policies.Order());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Search_DistinctiveWordOfASample_FindsOnlyThatSample(string file)
    {
        var expected = SampleExpectations.For(file);
        var result = fixture.Results[file];

        var hits = fixture.Archive.Index.Search(new SearchRequest(expected.SearchWord));

        var hit = Assert.Single(hits.Hits);
        Assert.Equal(result.RegistrationNumber, hit.RegistrationNumber);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Search_ContactEmailAndRegistrationNumber_FindTheSample(string file)
    {
        var expected = SampleExpectations.For(file);
        var result = fixture.Results[file];

        var byEmail = fixture.Archive.Index.Search(new SearchRequest($"email:\"{expected.Contact.Email}\""));
        var byNumber = fixture.Archive.Index.Search(new SearchRequest(result.RegistrationNumber!));

        Assert.Contains(byEmail.Hits, h => h.RegistrationNumber == result.RegistrationNumber);
        Assert.Equal(result.RegistrationNumber, Assert.Single(byNumber.Hits).RegistrationNumber);
    }

    [Fact]
    public void Import_Samples_ArchivesEveryOriginalWithItsHashUnderTheTaxonomy()
    {
        foreach (var result in fixture.Results.Values)
        {
            var record = fixture.Archive.Store.FindCase(result.RegistrationNumber!)!;
            var original = fixture.Archive.Store.GetDocuments(record.Id)[0];
            var path = fixture.Archive.Store.ResolvePath(original.ArchivePath);
            using var stream = File.OpenRead(path);
            Assert.Equal(original.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)));
            var folder = original.ArchivePath.Replace('\\', '/');
            Assert.StartsWith($"{FolderFor(result)}/", folder, StringComparison.Ordinal);
            Assert.Contains($"/{result.RegistrationNumber}/", folder, StringComparison.Ordinal);
            Assert.True(File.Exists(fixture.Archive.Store.ResolvePath(original.TextPath)));
        }
    }

    [Fact]
    public async Task Import_SameSampleAgain_IsReportedAsDuplicateOfItsCase()
    {
        var sample = SampleExpectations.All[0];
        var first = fixture.Results[sample.File];

        var again = await fixture.Archive.ImportAsync(Path.Combine(SampleExpectations.InboxDirectory, sample.File));

        Assert.Equal(CaptureOutcome.Duplicate, again.Outcome);
        Assert.Equal(first.RegistrationNumber, again.RegistrationNumber);
        Assert.Equal(first.Category, again.Category);
        Assert.Equal(first.References.Orders.Order(), again.References.Orders.Order());
        Assert.Equal(first.ArchivePath, again.ArchivePath);
        Assert.Single(fixture.Archive.Store.ListCases(), c => c.RegistrationNumber == first.RegistrationNumber);
    }

    [Fact]
    public void Import_Samples_ClassifiesEverySampleCorrectly()
    {
        var wrong = SampleExpectations.All
            .Where(s => ArchiveVocabulary.Word(fixture.Results[s.File].Category) != s.Category)
            .Select(s => $"{s.File}: expected {s.Category}, got {ArchiveVocabulary.Word(fixture.Results[s.File].Category)} ({fixture.Results[s.File].Confidence:0.00})")
            .ToList();
        TestContext.Current.SendDiagnosticMessage($"{SampleExpectations.All.Count - wrong.Count} of {SampleExpectations.All.Count} samples classified correctly");
        Assert.Empty(wrong);
    }

    private static string FolderFor(CaptureResult result) => ArchiveVocabulary.Word(result.Category) switch
    {
        "complaint" => "Complaints",
        "suggestion" => "Suggestions",
        "thanks" => "Thanks",
        _ => "Unclassified",
    };
}
