namespace Archive.Store.Reports;

/// <summary>
/// The words of ordinary customer letters, per language, with the share of letters that use each: the background the
/// dashboard's product words are measured against. Built from the company's labelled sample letters (the classifier's
/// training folder), it tells a letter's everyday words ("kaptam", "received", "otrzymałem", "two weeks") from the
/// products one period's complaints keep naming.
/// </summary>
/// <remarks>
/// A word is everyday when at least <see cref="EverydayShare"/> of one language's letters use it. Other words are kept as
/// products only when they stand out: the share of the period's complaints naming them is at least
/// <see cref="MinimumLift"/> times their (smoothed) share of the letters. This is the significant-terms idea (a
/// foreground set against a background set) with rules a supervisor can check by hand. Words are compared by their
/// stem when a stemmer is given, since a Hungarian or Polish letter seldom uses the very form another used
/// (<c>küldjék</c>, <c>küldtem</c>: <c>küld</c>).
/// </remarks>
public sealed class LetterVocabulary
{
    /// <summary>Words used by this share of one language's letters (2 %) or more are everyday words, never products.</summary>
    public const double EverydayShare = 0.02;

    /// <summary>How many times more often than in the letters the period's complaints must name a word.</summary>
    public const double MinimumLift = 3;

    private readonly Dictionary<string, Dictionary<string, int>> _letterCounts;
    private readonly Dictionary<string, int> _letters;
    private readonly Func<string, string?, string> _stem;

    private LetterVocabulary(Dictionary<string, Dictionary<string, int>> letterCounts, Dictionary<string, int> letters, Func<string, string?, string> stem)
    {
        _letterCounts = letterCounts;
        _letters = letters;
        _stem = stem;
    }

    /// <summary>No background and no stems: only the stop words are left out, as before any sample letters were known.</summary>
    public static LetterVocabulary Empty { get; } = new([], [], (word, _) => word);

    /// <summary>How many letters the vocabulary was built from.</summary>
    public int Letters => _letters.Values.Sum();

    /// <summary>Counts, per language, how many of the letters use each product-like word (<see cref="ProductWords.Of"/>).</summary>
    /// <param name="letters">The letters: each one's language code (such as <c>pl</c>) and text.</param>
    /// <param name="stem">A word's stem in a language (the word itself when it has none); words are compared as they are when null.</param>
    /// <returns>The vocabulary.</returns>
    public static LetterVocabulary FromLetters(IEnumerable<(string Language, string Text)> letters, Func<string, string?, string>? stem = null)
    {
        ArgumentNullException.ThrowIfNull(letters);
        stem ??= (word, _) => word;
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.OrdinalIgnoreCase);
        var totals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, text) in letters)
        {
            var words = counts.TryGetValue(language, out var known) ? known : counts[language] = new(StringComparer.Ordinal);
            totals[language] = totals.GetValueOrDefault(language) + 1;
            foreach (var key in ProductWords.Of(text, contactName: null).Select(word => stem(word, language)).Distinct(StringComparer.Ordinal))
            {
                words[key] = words.GetValueOrDefault(key) + 1;
            }
        }

        return new LetterVocabulary(counts, totals, stem);
    }

    /// <summary>What a word is compared by: its stem in the language, so that its inflected forms count as one.</summary>
    /// <param name="word">A word as <see cref="ProductWords.Of"/> returns it.</param>
    /// <param name="language">Its language code, or null when unknown.</param>
    public string Key(string word, string? language) => _stem(word, language);

    /// <summary>Whether at least <see cref="EverydayShare"/> of the letters of any of <paramref name="languages"/> use the word.</summary>
    /// <param name="word">A word as <see cref="ProductWords.Of"/> returns it.</param>
    /// <param name="languages">The languages of the complaints naming it; all known languages when none is known.</param>
    public bool IsEveryday(string word, IReadOnlyCollection<string> languages) =>
        LanguagesFor(languages).Any(language => Share(word, language) >= EverydayShare);

    /// <summary>
    /// Whether a word that <paramref name="complaintShare"/> of the period's complaints name stands out from the letters:
    /// it is not everyday, and its <see cref="Lift"/> is at least <see cref="MinimumLift"/>.
    /// </summary>
    /// <param name="word">A word as <see cref="ProductWords.Of"/> returns it.</param>
    /// <param name="languages">The languages of the complaints naming it.</param>
    /// <param name="complaintShare">The share of the period's complaints whose text names it.</param>
    public bool StandsOut(string word, IReadOnlyCollection<string> languages, double complaintShare) =>
        !IsEveryday(word, languages) && Lift(word, languages, complaintShare) >= MinimumLift;

    /// <summary>
    /// How many times more often the period's complaints name the word than the letters use it (its smoothed share;
    /// the least over the complaints' languages); infinite without letters.
    /// </summary>
    /// <param name="word">A word as <see cref="ProductWords.Of"/> returns it.</param>
    /// <param name="languages">The languages of the complaints naming it; all known languages when none is known.</param>
    /// <param name="complaintShare">The share of the period's complaints whose text names it.</param>
    public double Lift(string word, IReadOnlyCollection<string> languages, double complaintShare)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(languages);
        var candidates = LanguagesFor(languages).ToList();
        return candidates.Count == 0 ? double.PositiveInfinity : candidates.Min(language => complaintShare / SmoothedShare(word, language));
    }

    /// <summary>The share of the language's letters using the word; 0 for a language without letters.</summary>
    private double Share(string word, string language) =>
        _letters.TryGetValue(language, out var letters) && letters > 0 ? (double)_letterCounts[language].GetValueOrDefault(Key(word, language)) / letters : 0;

    /// <summary>The share with one imagined letter using it and one not, so a word never seen is rare but not impossible.</summary>
    private double SmoothedShare(string word, string language) =>
        (_letterCounts[language].GetValueOrDefault(Key(word, language)) + 1.0) / (_letters[language] + 2.0);

    private IEnumerable<string> LanguagesFor(IReadOnlyCollection<string> languages)
    {
        var known = languages.Where(_letters.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return known.Count > 0 ? known : _letters.Keys;
    }
}
