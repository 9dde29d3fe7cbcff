using Archive.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Microsoft.Extensions.Logging;

namespace Archive.Search.Analysis;

/// <summary>
/// The analyzers of one index: <see cref="PerField"/> is used both when indexing and when parsing queries, so the
/// two always agree. Owns the per-language stem caches, which the snippet builder shares.
/// </summary>
internal sealed class ArchiveAnalyzers : IDisposable
{
    private readonly List<IDisposable> owned = [];
    private readonly Dictionary<StemLanguage, StemCache> stemCaches = [];

    public ArchiveAnalyzers(ArchiveSearchOptions options, ILogger logger)
    {
        HunspellDictionaries.Preload(options.HunspellDirectory, logger);
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [IndexFields.EmailParts] = Own(new IdentifierPartsAnalyzer()),
            [IndexFields.HandlerParts] = Own(new IdentifierPartsAnalyzer()),
            [IndexFields.DocumentId] = Own(new KeywordAnalyzer()),
            [IndexFields.CaseId] = Own(new KeywordAnalyzer()),
        };
        foreach (var language in StemLanguage.All)
        {
            var cache = Own(new StemCache(() => HunspellDictionaries.Get(options.HunspellDirectory, language, logger), options.StemCacheEntries));
            stemCaches.Add(language, cache);
            perField[language.Field] = Own(new StemmingAnalyzer(cache));
        }

        PerField = Own(new PerFieldAnalyzerWrapper(Own(new FoldedTextAnalyzer(keepOriginal: true)), perField));
        FoldedWords = Own(new FoldedTextAnalyzer(keepOriginal: false));
    }

    /// <summary>The analyzer of every field, for the writer and the query parser.</summary>
    public Analyzer PerField { get; }

    /// <summary>
    /// The text's words folded only, one term a position: the folded form is indexed for every word, so a phrase of
    /// folded terms finds the same letters as one that also offers each word as written, at a fraction of the cost.
    /// </summary>
    public Analyzer FoldedWords { get; }

    /// <summary>
    /// True for a word of letters only, at least <see cref="UnknownWordMinimumLength"/> long, that none of the
    /// dictionaries here knows, when at least one is here: a name, or a derived word such as Hungarian
    /// <c>megrendelés</c> ("order"), which Hunspell stems only in its inflected forms (<c>megrendelésemet</c> → <c>rendel</c>).
    /// </summary>
    public bool IsUnknownWord(string word)
    {
        if (word.Length < UnknownWordMinimumLength || !word.All(char.IsLetter))
        {
            return false;
        }

        var lower = word.ToLowerInvariant();
        var asked = 0;
        foreach (var cache in stemCaches.Values)
        {
            switch (cache.Knows(lower))
            {
                case true:
                    return false;
                case false:
                    asked++;
                    break;
            }
        }

        return asked > 0;
    }

    /// <summary>Shorter unknown words are not searched as the start of longer ones: too many words begin so.</summary>
    public const int UnknownWordMinimumLength = 6;

    /// <summary>The shared stem cache of a language.</summary>
    public StemCache StemsOf(StemLanguage language) => stemCaches[language];

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(owned))
        {
            item.Dispose();
        }
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        owned.Add(item);
        return item;
    }
}
