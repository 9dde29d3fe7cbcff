using Archive.Search;

namespace Capture.Benchmarks.Search;

/// <summary>A fixed-size uniform sample of a stream of unknown length (reservoir sampling, Vitter's algorithm R).</summary>
internal sealed class Reservoir<T>(int capacity, Random random)
    where T : class
{
    private readonly List<T?> items = new(capacity);
    private long seen;

    /// <summary>The sampled values (entries an offer never filled are left out).</summary>
    public IReadOnlyList<T> Items => [.. items.OfType<T>()];

    public void Offer(T item)
    {
        if (TryAccept(out var slot))
        {
            items[slot] = item;
        }
    }

    /// <summary>Whether the next item of the stream is taken, and where; a costly value is made only when it is.</summary>
    public bool TryAccept(out int slot)
    {
        seen++;
        if (items.Count < capacity)
        {
            slot = items.Count;
            items.Add(null);
            return true;
        }

        var drawn = random.NextInt64(seen);
        slot = drawn < capacity ? (int)drawn : -1;
        return slot >= 0;
    }

    public void Set(int slot, T item) => items[slot] = item;
}

/// <summary>A customer as a query would name them.</summary>
internal sealed record SampledContact(string Language, string Name, string Surname, string? Email);

/// <summary>A case as a query would name it.</summary>
internal sealed record SampledCase(string RegistrationNumber, string Category, string Status, string? Handler, string Language);

/// <summary>Words of a document's text that stand next to each other, for phrase queries.</summary>
internal sealed record SampledPhrase(string Language, string Phrase);

/// <summary>A word or code few documents contain.</summary>
internal sealed record SampledTerm(string Language, string Term);

/// <summary>
/// What one pass over the generated archive produced: counts and lengths for the report, and uniform samples of the
/// values in it (contacts, registration and reference numbers, phrases, rare terms) for building queries that match.
/// </summary>
internal sealed class ArchiveSample(int seed = 77, int size = 256)
{
    private readonly Random random = new(seed);
    private readonly Dictionary<string, long> documentsByLanguage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> casesByCategory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> casesByStatus = new(StringComparer.Ordinal);

    public Reservoir<SampledContact> Contacts { get; } = new(size, new Random(seed + 1));

    public Reservoir<SampledCase> Cases { get; } = new(size, new Random(seed + 2));

    public Reservoir<string> Orders { get; } = new(size, new Random(seed + 3));

    public Reservoir<string> Invoices { get; } = new(size, new Random(seed + 4));

    public Reservoir<string> Serials { get; } = new(size, new Random(seed + 5));

    public Reservoir<string> Policies { get; } = new(size, new Random(seed + 6));

    public Reservoir<SampledPhrase> Phrases { get; } = new(size, new Random(seed + 7));

    public Reservoir<SampledTerm> RareTerms { get; } = new(size, new Random(seed + 8));

    public long Documents { get; private set; }

    public long CaseCount { get; private set; }

    public long FollowUps { get; private set; }

    public long Words { get; private set; }

    public int MinWords { get; private set; } = int.MaxValue;

    public int MaxWords { get; private set; }

    public long WithoutDiacritics { get; private set; }

    public long Characters { get; private set; }

    /// <summary>Documents of 50–99, 100–199, 200–299, 300–499 and 500–800 words.</summary>
    public long[] LengthBuckets { get; } = new long[5];

    public IReadOnlyDictionary<string, long> DocumentsByLanguage => documentsByLanguage;

    public IReadOnlyDictionary<string, long> CasesByCategory => casesByCategory;

    public IReadOnlyDictionary<string, long> CasesByStatus => casesByStatus;

    public double MeanWords => Documents == 0 ? 0 : Words / (double)Documents;

    public void Observe(IndexedDocument document, CaseFacts facts, Letter letter, bool followUp)
    {
        Documents++;
        Words += letter.Words;
        Characters += document.Text.Length;
        MinWords = Math.Min(MinWords, letter.Words);
        MaxWords = Math.Max(MaxWords, letter.Words);
        LengthBuckets[letter.Words switch { < 100 => 0, < 200 => 1, < 300 => 2, < 500 => 3, _ => 4 }]++;
        WithoutDiacritics += letter.WithoutDiacritics ? 1 : 0;
        Increment(documentsByLanguage, document.Language!);
        if (followUp)
        {
            FollowUps++;
        }
        else
        {
            CaseCount++;
            Increment(casesByCategory, document.Case.Category);
            Increment(casesByStatus, document.Case.Status);
            Contacts.Offer(new SampledContact(facts.Language.Code, facts.Customer.Name, facts.Customer.Surname, document.Case.ContactEmail));
            Cases.Offer(new SampledCase(document.Case.RegistrationNumber, document.Case.Category, document.Case.Status, document.Case.Handler, facts.Language.Code));
        }

        OfferAll(Orders, document.Orders);
        OfferAll(Invoices, document.Invoices);
        OfferAll(Serials, document.Serials);
        OfferAll(Policies, document.Policies);
        if (!letter.WithoutDiacritics && Phrases.TryAccept(out var slot) && PhraseIn(document.Text) is { } phrase)
        {
            Phrases.Set(slot, new SampledPhrase(facts.Language.Code, phrase));
        }
    }

    /// <summary>A part, model code or other word that only some letters use.</summary>
    public void OfferRareTerm(string language, string term) => RareTerms.Offer(new SampledTerm(language, term));

    /// <summary>Two or three words that follow each other inside a sentence of the text, without digits or punctuation.</summary>
    private string? PhraseIn(string text)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var start = text.IndexOf(' ', random.Next(text.Length / 8, text.Length * 7 / 8)) + 1;
            if (start <= 0)
            {
                continue;
            }

            var end = start;
            var wordsWanted = random.Next(2, 4);
            for (var words = 0; words < wordsWanted && end >= 0; words++)
            {
                end = text.IndexOf(' ', end + 1);
            }

            if (end > start && text.AsSpan(start, end - start) is var phrase && IsPlainWords(phrase))
            {
                return phrase.ToString();
            }
        }

        return null;
    }

    /// <summary>Letters and spaces only, with at least one word of five letters or more (not just "to make a").</summary>
    private static bool IsPlainWords(ReadOnlySpan<char> phrase)
    {
        var longest = 0;
        var current = 0;
        foreach (var c in phrase)
        {
            if (c == ' ')
            {
                current = 0;
            }
            else if (char.IsLetter(c))
            {
                longest = Math.Max(longest, ++current);
            }
            else
            {
                return false;
            }
        }

        return longest >= 5;
    }

    private static void OfferAll(Reservoir<string> reservoir, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            reservoir.Offer(value);
        }
    }

    private static void Increment(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
