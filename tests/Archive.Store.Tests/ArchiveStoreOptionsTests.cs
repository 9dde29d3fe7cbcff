using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Archive.Store.Tests;

public sealed class ArchiveStoreOptionsTests
{
    [Fact]
    public void Validate_TheDefaults_AreValid()
    {
        Assert.Empty(new ArchiveStoreOptions().Validate());
    }

    [Theory]
    [InlineData("C-{year}", "Archive:RegistrationNumberFormat must contain {sequence}, e.g. C-{year}-{sequence:000000}")]
    [InlineData("", "Archive:RegistrationNumberFormat is empty")]
    [InlineData("C-{yaer}-{sequence}", "unknown token {yaer}")]
    [InlineData("C/{year}/{sequence}", "must not contain path separators")]
    [InlineData("C-{year-{sequence}", "unmatched brace")]
    public void Validate_ABadRegistrationFormat_NamesTheKeyAndTheFix(string format, string expected)
    {
        var errors = new ArchiveStoreOptions { RegistrationNumberFormat = format }.Validate();

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal) && e.StartsWith("Archive:RegistrationNumberFormat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{category}/{year}/{month}", "must contain {registration}")]
    [InlineData("/{category}/{registration}", "must be a relative path")]
    [InlineData("{category}/../{registration}", "must not contain '.' or '..'")]
    [InlineData("{category}/{week}/{registration}", "unknown token {week}")]
    public void Validate_ABadTaxonomyTemplate_NamesTheKeyAndTheFix(string template, string expected)
    {
        var errors = new ArchiveStoreOptions { TaxonomyTemplate = template }.Validate();

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal) && e.StartsWith("Archive:TaxonomyTemplate", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CategoryFolders_ReportsMissingUnknownAndUnsafeEntries()
    {
        var options = new ArchiveStoreOptions();
        options.CategoryFolders.Remove("Thanks");
        options.CategoryFolders["Complant"] = "Typos";
        options.CategoryFolders["Complaint"] = "../Escape";

        var errors = ArchiveStoreOptions.Validate(options);

        Assert.Contains(errors, e => e.StartsWith("Archive:CategoryFolders:Thanks is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Archive:CategoryFolders:Complant is not a category", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Archive:CategoryFolders:Complaint ('../Escape') must be a single plain folder name", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Validate_AnEmptyRootDirectory_NamesTheKey()
    {
        var errors = new ArchiveStoreOptions { RootDirectory = " " }.Validate();

        Assert.StartsWith("Archive:RootDirectory is empty", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WithInvalidOptions_ThrowsArgumentExceptionListingTheProblems()
    {
        var options = new ArchiveStoreOptions { RegistrationNumberFormat = "C-{year}", TaxonomyTemplate = "{category}" };

        var thrown = Assert.Throws<ArgumentException>(() => new ArchiveStore(options, new FakeTimeProvider(), NullLogger<ArchiveStore>.Instance));

        Assert.Contains("Archive:RegistrationNumberFormat must contain {sequence}", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Archive:TaxonomyTemplate must contain {registration}", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WhenTheRootCannotBeCreated_ThrowsArchiveUnavailableNamingTheKey()
    {
        using var temp = new Capture.Testing.TempDirectory();
        var blocker = temp.Combine("a-file");
        File.WriteAllText(blocker, "not a folder");
        var options = new ArchiveStoreOptions { RootDirectory = Path.Combine(blocker, "archive") };

        var thrown = Assert.Throws<ArchiveUnavailableException>(() => new ArchiveStore(options, new FakeTimeProvider(), NullLogger<ArchiveStore>.Instance));

        Assert.Contains("Archive:RootDirectory", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WhenAnotherStoreHoldsTheDatabase_ThrowsArchiveUnavailable()
    {
        using var archive = new ArchiveFixture();

        var thrown = Assert.Throws<ArchiveUnavailableException>(() => archive.Open());

        Assert.Contains("capture.db cannot be opened", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ForTheHost_FailsWithTheSameMessages()
    {
        var result = new ArchiveStoreOptionsValidator().Validate(null, new ArchiveStoreOptions { RegistrationNumberFormat = "X" });

        Assert.True(result.Failed);
        Assert.Contains("Archive:RegistrationNumberFormat must contain {sequence}", result.FailureMessage, StringComparison.Ordinal);
    }
}
