using Microsoft.Extensions.Options;

namespace Archive.Search.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public void DefaultOptions_AreValid()
    {
        var result = new ArchiveSearchOptionsValidator().Validate(null, new ArchiveSearchOptions());

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("", 32, "Search:IndexDirectory is empty")]
    [InlineData("data/index", 0, "Search:RamBufferSizeMb is 0")]
    [InlineData("data/index", 4096, "Search:RamBufferSizeMb is 4096")]
    public void InvalidOptions_FailNamingTheKeyAndTheFix(string directory, double ramBufferSizeMb, string expected)
    {
        var options = new ArchiveSearchOptions { IndexDirectory = directory, RamBufferSizeMb = ramBufferSizeMb };

        var result = new ArchiveSearchOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("set it", result.FailureMessage, StringComparison.Ordinal);
    }
}
