using Archive.Search.Analysis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Search.Tests;

/// <summary>Lucene.NET's stemmer is internal and reached by reflection: this fails if an upgrade moves it.</summary>
public sealed class HunspellLookupTests
{
    [Theory]
    [InlineData("hu", "panaszomat", true)]
    [InlineData("hu", "megrendelésemet", true)]
    [InlineData("hu", "megrendelés", false)]
    [InlineData("pl", "reklamację", true)]
    [InlineData("pl", "kowalsky", false)]
    public void Knows_TellsDictionaryWordsFromUnknownOnes(string language, string word, bool known)
    {
        var directory = new ArchiveSearchOptions { IndexDirectory = Path.GetTempPath() }.HunspellDirectory;
        var dictionary = HunspellDictionaries.Get(directory, StemLanguage.For(language)!, NullLogger.Instance);

        Assert.NotNull(dictionary);
        Assert.Equal(known, HunspellLookup.Knows(dictionary, word));
    }
}
