using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Search.Tests;

/// <summary>The Hunspell stems reports compare words by, read from Debian's dictionaries without opening an index.</summary>
public sealed class WordStemsTests : IDisposable
{
    private readonly WordStems stems = new(new ArchiveSearchOptions { IndexDirectory = Path.GetTempPath() }, NullLogger<WordStems>.Instance);

    [Theory]
    [InlineData("kaptam", "kapott", "hu")]
    [InlineData("küldjék", "küldtem", "hu")]
    [InlineData("czajnika", "czajnikiem", "pl")]
    [InlineData("kettles", "kettle", "en")]
    public void InflectedFormsOfOneWord_HaveOneStem(string form, string other, string language) =>
        Assert.Equal(stems.Stem(form, language), stems.Stem(other, language));

    [Fact]
    public void DifferentWords_HaveDifferentStems() =>
        Assert.NotEqual(stems.Stem("kávéfőző", "hu"), stems.Stem("kaptam", "hu"));

    [Fact]
    public void AWordOfNoKnownLanguage_IsOnlyFolded() =>
        Assert.Equal("lodz", stems.Stem("Łódź", "de"));

    public void Dispose() => stems.Dispose();
}
