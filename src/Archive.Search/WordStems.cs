using Archive.Search.Analysis;
using Microsoft.Extensions.Logging;

namespace Archive.Search;

/// <summary>
/// The Hunspell stem of a word in Polish, Hungarian or English, with the dictionaries the index uses
/// (<see cref="ArchiveSearchOptions.HunspellDirectory"/>), but without opening the index: reports can stem words while
/// the service holds the index. Hungarian and Polish inflect heavily (<c>kaptam</c>, <c>kapott</c> and <c>kapta</c> are
/// forms of <c>kap</c>), so words are compared by stem when forms should count as one. Thread-safe.
/// </summary>
public sealed class WordStems : IDisposable
{
    private readonly Dictionary<StemLanguage, StemCache> caches = [];

    /// <summary>Prepares a stem cache per language; the dictionaries load in the background and are waited for at the first word.</summary>
    /// <param name="options">Where the dictionaries are and how many words each cache holds.</param>
    /// <param name="logger">Where a missing dictionary is said.</param>
    public WordStems(ArchiveSearchOptions options, ILogger<WordStems> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        HunspellDictionaries.Preload(options.HunspellDirectory, logger);
        foreach (var language in StemLanguage.All)
        {
            caches.Add(language, new StemCache(() => HunspellDictionaries.Get(options.HunspellDirectory, language, logger), options.StemCacheEntries));
        }
    }

    /// <summary>
    /// The word's first Hunspell stem in the language, folded (lower case, no diacritics); the folded word itself when
    /// the language has no dictionary here or Hunspell knows no stem.
    /// </summary>
    /// <param name="word">One word.</param>
    /// <param name="language">Its language code (<c>pl</c>, <c>hu</c>, <c>en</c>), or null when unknown.</param>
    /// <returns>The stem.</returns>
    public string Stem(string word, string? language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        var lower = word.Trim().ToLowerInvariant();
        return StemLanguage.For(language) is { } known ? caches[known].Stems(lower)[0] : TermNormalizer.Fold(lower);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var cache in caches.Values)
        {
            cache.Dispose();
        }
    }
}
