using Archive.Store.Cases;

namespace Archive.Store.Tests;

public sealed class RegistrationNumberTests
{
    [Fact]
    public void OpenCase_AllocatesConsecutiveNumbersWithinAYear()
    {
        using var archive = new ArchiveFixture();

        var numbers = Enumerable.Range(0, 3)
            .Select(_ => archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case.RegistrationNumber)
            .ToList();

        Assert.Equal(["C-2026-000001", "C-2026-000002", "C-2026-000003"], numbers);
    }

    [Fact]
    public void OpenCase_RestartsTheSequenceAtOneInANewYear()
    {
        using var archive = new ArchiveFixture();
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null);
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null);

        archive.Time.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero));
        var first2027 = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Equal("C-2027-000001", first2027.RegistrationNumber);
        Assert.Equal("Complaints/2027/01/C-2027-000001", first2027.ArchivePath);
        Assert.Equal(["C-2026-000001", "C-2026-000002", "C-2027-000001"], archive.Store.ListCases().Select(c => c.RegistrationNumber));
    }

    [Fact]
    public void OpenCase_AfterReopeningTheStore_ContinuesTheSequenceWithoutReuse()
    {
        using var archive = new ArchiveFixture();
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null);
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null);

        var reopened = archive.Reopen();
        var third = reopened.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Equal("C-2026-000003", third.RegistrationNumber);
        Assert.Equal(3, reopened.ListCases().Select(c => c.RegistrationNumber).Distinct().Count());
        Assert.NotNull(reopened.FindCase("C-2026-000001"));
    }

    [Fact]
    public void OpenCase_WithAFormatWithoutYear_KeepsOneSequenceAcrossYears()
    {
        using var archive = new ArchiveFixture(o => o.RegistrationNumberFormat = "REG{sequence:0000}");
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null);

        archive.Time.SetUtcNow(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var next = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Equal("REG0002", next.RegistrationNumber);
    }

    [Fact]
    public void OpenCase_UsesTheLocalYearOfTheStoreClock()
    {
        using var archive = new ArchiveFixture();
        archive.Time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2"));
        archive.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));

        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Equal("C-2027-000001", opened.RegistrationNumber);
        Assert.Equal("Complaints/2027/01/C-2027-000001", opened.ArchivePath);
    }

    [Fact]
    public void OpenCase_WhenTheNextNumberIsAlreadyTaken_SkipsToAFreeOneInsteadOfDuplicating()
    {
        using var archive = new ArchiveFixture(o => o.RegistrationNumberFormat = "X{sequence}");
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null);
        archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null);

        // A per-year format that prints no year starts a fresh counter whose first numbers collide with X1 and X2.
        archive.Options.RegistrationNumberFormat = "X{year:''}{sequence}";
        var next = archive.Reopen().OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Equal("X3", next.RegistrationNumber);
        Assert.Equal(["X1", "X2", "X3"], archive.Store.ListCases().Select(c => c.RegistrationNumber).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("c-2026-000001")]
    [InlineData("  C-2026-000001 ")]
    public void FindCase_IgnoresCaseAndSurroundingSpace(string typed)
    {
        using var archive = new ArchiveFixture();
        var opened = archive.Store.OpenCase(ArchiveFixture.Case(), [ArchiveFixture.Document()], null).Case;

        Assert.Equal(opened.Id, archive.Store.FindCase(typed)?.Id);
        Assert.Null(archive.Store.FindCase("C-2026-000002"));
    }

    [Fact]
    public void OpenCase_FilesTheCaseUnderTheCompanysCategoryFolder()
    {
        using var archive = new ArchiveFixture(o => o.CategoryFolders["Thanks"] = "Podziekowania");

        var thanks = archive.Store.OpenCase(ArchiveFixture.Case(CaseCategory.Thanks), [ArchiveFixture.Document()], null).Case;

        Assert.Equal("Podziekowania/2026/03/C-2026-000001", thanks.ArchivePath);
        Assert.True(Directory.Exists(archive.Store.ResolvePath(thanks.ArchivePath)));
    }
}
