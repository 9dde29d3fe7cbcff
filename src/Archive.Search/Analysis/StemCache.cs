using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Analysis;

/// <summary>
/// The folded Hunspell stems of each distinct word of one language, computed once and shared by every thread.
/// Hunspell analyses some tens of thousands of words a second while a document has hundreds, but words repeat,
/// so almost every lookup is a hit. The cache holds at most a fixed number of words (it starts over when full),
/// which keeps the index's memory fixed however large the archive grows.
/// </summary>
internal sealed class StemCache : IDisposable
{
    private readonly Func<Dictionary?> dictionary;
    private readonly int capacity;
    private readonly ConcurrentDictionary<string, string[]> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);
    private Analyzer? stemmer;
    private int count;
    private int knownCount;

    /// <param name="dictionary">Gives the language's dictionary (waiting for it to load), or null when it is unavailable.</param>
    /// <param name="capacity">Most words held at once.</param>
    public StemCache(Func<Dictionary?> dictionary, int capacity)
    {
        this.dictionary = dictionary;
        this.capacity = capacity;
        lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The folded stems of a lower-cased word, the folded word itself when Hunspell knows none.</summary>
    public string[] Stems(ReadOnlySpan<char> word)
    {
        if (lookup.TryGetValue(word, out var stems))
        {
            return stems;
        }

        var key = word.ToString();
        stems = Compute(key);
        Remember(entries, ref count, key, stems);
        return stems;
    }

    /// <summary>
    /// Whether Hunspell knows the lower-cased word (gives it a stem); null when the language's dictionary is not
    /// available or this version of Lucene.NET cannot be asked. Asked for every free word of a query, and a Hunspell
    /// lookup of a word it does not know tries every affix (tens of microseconds in Hungarian), so answers are kept,
    /// as many as the stems and cleared the same way.
    /// </summary>
    /// <remarks>
    /// The stem filter passes an unknown word through unchanged, just as it gives a known base form as its own stem,
    /// so the filter cannot tell the two apart; Lucene's stemmer can, and is internal, so it is reached by reflection
    /// (<see cref="HunspellLookup"/>). A test pins that this works with the Lucene.NET version in use.
    /// </remarks>
    public bool? Knows(string word)
    {
        if (known.TryGetValue(word, out var answer))
        {
            return answer;
        }

        if (dictionary() is not { } loaded || HunspellLookup.Knows(loaded, word) is not { } knows)
        {
            return null;
        }

        Remember(known, ref knownCount, word, knows);
        return knows;
    }

    public void Dispose() => stemmer?.Dispose();

    /// <summary>Adds an answer, first starting over when the cache already holds <see cref="capacity"/> of them.</summary>
    private void Remember<T>(ConcurrentDictionary<string, T> cache, ref int held, string word, T value)
    {
        if (Interlocked.Increment(ref held) > capacity)
        {
            cache.Clear();
            Interlocked.Exchange(ref held, 1);
        }

        cache.TryAdd(word, value);
    }

    private string[] Compute(string word)
    {
        var analyzer = Stemmer();
        if (analyzer is null)
        {
            return [TermNormalizer.Fold(word)];
        }

        var stems = new List<string>(2);
        using (var stream = analyzer.GetTokenStream(string.Empty, word))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var folded = TermNormalizer.Fold(term.ToString());
                if (!stems.Contains(folded))
                {
                    stems.Add(folded);
                }
            }

            stream.End();
        }

        return stems.Count > 0 ? [.. stems] : [TermNormalizer.Fold(word)];
    }

    private Analyzer? Stemmer()
    {
        if (Volatile.Read(ref stemmer) is { } existing)
        {
            return existing;
        }

        if (dictionary() is not { } loaded)
        {
            return null;
        }

        var created = new HunspellWordAnalyzer(loaded);
        if (Interlocked.CompareExchange(ref stemmer, created, null) is { } raced)
        {
            created.Dispose();
            return raced;
        }

        return created;
    }

    /// <summary>One word in, its Hunspell stems out. Analyzers keep their token streams per thread, so this is thread-safe.</summary>
    private sealed class HunspellWordAnalyzer(Dictionary dictionary) : Analyzer
    {
        [SuppressMessage("Reliability", "CA2000", Justification = "The returned components own the token streams; Lucene disposes them with the analyzer.")]
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new KeywordTokenizer(reader);
            return new TokenStreamComponents(tokenizer, new HunspellStemFilter(tokenizer, dictionary, dedup: true, longestOnly: false));
        }
    }
}
