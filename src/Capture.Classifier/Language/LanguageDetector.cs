using System.Collections.Frozen;
using System.Globalization;

namespace Capture.Classifier.Language;

/// <summary>
/// Tells Polish, Hungarian and English apart from three kinds of evidence: function words (matched
/// with and without diacritics), letters only one of the languages uses, and character n-grams typical
/// of each language's spelling. Works on short and OCR-noisy texts and on texts typed without
/// diacritics; deterministic and needs no external data. Thread-safe.
/// </summary>
public sealed class LanguageDetector
{
    /// <summary>The languages the detector chooses from, in index order.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["pl", "hu", "en"];

    private const int Pl = 0;
    private const int Hu = 1;
    private const int En = 2;

    private const double StopWordWeight = 2.0;
    private const int MaxCharacters = 5_000;
    private const int LongestWord = 64;
    private const double NgramWeight = 0.6;

    // Words that are frequent in one language and absent (or rare) in the other two. Ambiguous short
    // words ("a", "i", "to", "do", "is", "be", "on", "no", "we") are left out on purpose.
    private static readonly string[] PolishWords =
    [
        "w", "z", "na", "nie", "się", "że", "jest", "od", "po", "za", "jak", "ale", "mnie", "mi", "mam", "był", "była",
        "było", "przez", "dla", "tym", "już", "czy", "proszę", "bardzo", "też", "oraz", "które", "który", "która",
        "jestem", "moja", "moje", "mój", "moją", "państwo", "państwa", "dzień", "dobry", "dziękuję", "dziękujemy", "tego",
        "jego", "tak", "gdy", "żeby", "kiedy", "tylko", "został", "została", "zostało", "można", "są", "być", "przy", "bez",
        "aby", "albo", "lub", "więc", "jeszcze", "nawet", "ze", "ja", "nas", "nam", "was", "wam", "mój", "sobie", "mogę",
        "będzie", "ponad", "nigdy", "wszystko", "bo", "pod", "nad", "ani", "ich", "go", "jej", "tej", "ten", "tę",
        "u", "we", "oraz", "ponieważ", "zł", "pozdrawiam", "poważaniem", "szanowni", "reklamacja", "reklamację",
    ];

    private static readonly string[] HungarianWords =
    [
        "és", "az", "egy", "hogy", "nem", "van", "volt", "meg", "már", "csak", "de", "ez", "azt", "mint", "vagy", "még",
        "kérem", "köszönöm", "köszönjük", "nagyon", "ha", "el", "fel", "ki", "le", "után", "alatt", "között", "amely",
        "amelyet", "amikor", "aki", "akkor", "mert", "pedig", "sem", "senki", "minden", "nekem", "nincs", "lesz", "lenne",
        "lehet", "ezt", "azért", "önök", "önöknek", "önöktől", "tisztelt", "üdvözlettel", "tisztelettel", "jó", "napot",
        "szeretném", "szeretnénk", "hanem", "illetve", "ami", "ahol", "mert", "így", "úgy", "ezen", "arra", "erre",
        "nagy", "mindig", "soha", "semmi", "engem", "nekünk", "velem", "kell", "kellett", "számla", "számlát", "ft",
        "panasz", "panaszt", "köszönet", "köszi", "javaslat", "javaslom", "kérjük", "sok", "egész", "két", "három",
    ];

    private static readonly string[] EnglishWords =
    [
        "the", "and", "of", "was", "for", "my", "it", "you", "your", "that", "this", "with", "have", "has", "not", "are",
        "me", "at", "by", "from", "please", "would", "could", "thank", "thanks", "been", "had", "but", "will", "an", "our",
        "they", "there", "which", "when", "what", "so", "as", "if", "did", "any", "all", "after", "about", "just", "very",
        "can", "am", "were", "or", "one", "out", "up", "dear", "regards", "sincerely", "yours", "hello", "hi", "into",
        "than", "then", "them", "their", "she", "he", "her", "his", "who", "why", "how", "because", "also", "only",
        "still", "again", "here", "get", "got", "should", "must", "it's", "i'm", "don't", "didn't", "we're", "i've",
        "complaint", "suggestion", "customer", "service", "order", "invoice",
    ];

    // Spelling patterns (on folded, lower-case text padded with spaces) that point to one language.
    private static readonly string[] PolishNgrams =
    [
        "prz", "rz", "szcz", "cz", "trz", "drz", "nie", "sie", "wie", "owa", "ych", "ego ", "emu ", "ami ", "ach ",
        "osc", "esc", "dzi", "cie", "wy", "zy", "cy", "ej ", "ow ", "iu", "ia", "ie", "j ", "aw", "ew", "yw", "ow",
        "wa", "we", "wi", "zn", "sk", "ac ", "ly ", "ny ", "ni", "ci", "c ", "zam", "ze ", "ze", "dz", "y ",
    ];

    private static readonly string[] HungarianNgrams =
    [
        "gy", "ny", "zs", "ty ", "sz", "ssz", "tt", "ll", "nak ", "nek ", "ban ", "ben ", "bol ", "rol ", "tol ", "val ",
        "vel ", "hoz ", "hez ", "kat ", "ket ", "ott ", "ett ", "unk ", "juk ", "em ", "om ", "ak ", "ek ", "ok ", "et ",
        "at ", "ot ", "es ", "os ", "as ", "eg", "ag", "ese", "ele", "tel", "ert", "ert ", "sag", "seg", "lt ", "tt ",
        "k ", "ha", "he", "ko", "ke", "ta", "te", "ve", "va", "ja", "kor", "ere", "ara", "ot",
    ];

    private static readonly string[] EnglishNgrams =
    [
        "th", "the", "he ", "ing", "ed ", " wh", "ou", "ea", "ght", "tion", "ay", "ee", "oo", "ck", "sh", "ph", "w",
        "ly ", "er ", "es ", "ve ", "ur", "ion", "nd", "and", "ld", "ter", "ive", "our", "ea", "ere", "ould", "'s", "'t",
        "f ", "d ", "t ", "s ", "y ", "r ", "h ", "ar", "or", "ir", "ic", "ll ", "ss", "q", "x",
    ];

    private static readonly FrozenDictionary<string, double[]> WordEvidence = BuildWordEvidence();
    private static readonly FrozenDictionary<string, double[]>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        WordEvidence.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, double[]> NgramEvidence = BuildNgramEvidence();
    private static readonly FrozenDictionary<string, double[]>.AlternateLookup<ReadOnlySpan<char>> NgramLookup =
        NgramEvidence.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int LongestNgram = NgramEvidence.Keys.Max(k => k.Length);

    /// <summary>Returns the most likely of <c>pl</c>, <c>hu</c> and <c>en</c>; for text without letters, <c>en</c> with confidence 0.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An injectable service; callers depend on the instance.")]
    public LanguageGuess Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new double[Languages.Count];
        // The first few thousand characters settle the language; reading a whole long thread would only cost time.
        var normalised = TextFolding.Normalise(text.Length > MaxCharacters ? text[..MaxCharacters] : text);
        var evidence = AddDiacriticEvidence(normalised, scores);

        Span<char> padded = stackalloc char[LongestWord + 2];
        padded[0] = ' ';
        for (var start = 0; start < normalised.Length;)
        {
            var word = NextWord(normalised, ref start);
            if (word.IsEmpty)
            {
                break;
            }

            // The word folded character by character (as TextFolding.FoldDiacritics would), between spaces for the n-grams.
            var length = Math.Min(word.Length, LongestWord);
            for (var i = 0; i < length; i++)
            {
                padded[i + 1] = TextFolding.FoldCharacter(word[i]);
            }

            padded[length + 1] = ' ';
            var folded = padded.Slice(1, length);
            if (WordLookup.TryGetValue(word, out var weights) || WordLookup.TryGetValue(folded, out weights))
            {
                Add(scores, weights, StopWordWeight);
                evidence++;
            }

            evidence += AddNgramEvidence(padded[..(length + 2)], scores);
        }

        if (evidence == 0)
        {
            return new LanguageGuess("en", 0);
        }

        return ToGuess(scores);
    }

    private static int AddDiacriticEvidence(string text, double[] scores)
    {
        var evidence = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case 'ą' or 'ę' or 'ł' or 'ń' or 'ś' or 'ź' or 'ż' or 'ć':
                    scores[Pl] += 2.5;
                    evidence++;
                    break;
                case 'ő' or 'ű':
                    scores[Hu] += 3.0;
                    evidence++;
                    break;
                case 'á' or 'é' or 'í' or 'ú' or 'ö' or 'ü':
                    scores[Hu] += 2.0;
                    evidence++;
                    break;
                case 'ó':
                    scores[Pl] += 0.5;
                    scores[Hu] += 0.5;
                    evidence++;
                    break;
                default:
                    break;
            }
        }

        return evidence;
    }

    private static int AddNgramEvidence(ReadOnlySpan<char> padded, double[] scores)
    {
        var hits = 0;
        for (var start = 0; start < padded.Length; start++)
        {
            for (var length = 1; length <= LongestNgram && start + length <= padded.Length; length++)
            {
                if (NgramLookup.TryGetValue(padded.Slice(start, length), out var weights))
                {
                    Add(scores, weights, NgramWeight);
                    hits++;
                }
            }
        }

        return hits;
    }

    private static LanguageGuess ToGuess(double[] scores)
    {
        // Softmax over per-language scores; the scale keeps a single stray word from looking certain.
        var max = scores.Max();
        var exponentials = scores.Select(s => Math.Exp((s - max) * 0.35)).ToArray();
        var total = exponentials.Sum();
        var best = Array.IndexOf(scores, max);
        return new LanguageGuess(Languages[best], exponentials[best] / total);
    }

    /// <summary>The next run of letters (with inner apostrophes) at or after <paramref name="start"/>, which moves past it; empty at the end.</summary>
    private static ReadOnlySpan<char> NextWord(string normalised, ref int start)
    {
        while (start < normalised.Length && !char.IsLetter(normalised[start]))
        {
            start++;
        }

        var first = start;
        while (start < normalised.Length && (char.IsLetter(normalised[start]) || normalised[start] == '\''))
        {
            start++;
        }

        return normalised.AsSpan(first, start - first);
    }

    private static void Add(double[] scores, double[] weights, double factor)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] += weights[i] * factor;
        }
    }

    private static FrozenDictionary<string, double[]> BuildWordEvidence()
    {
        var evidence = new Dictionary<string, double[]>(StringComparer.Ordinal);
        AddAll(evidence, PolishWords, Pl, fold: true);
        AddAll(evidence, HungarianWords, Hu, fold: true);
        AddAll(evidence, EnglishWords, En, fold: false);
        return evidence.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, double[]> BuildNgramEvidence()
    {
        var evidence = new Dictionary<string, double[]>(StringComparer.Ordinal);
        AddAll(evidence, PolishNgrams, Pl, fold: false);
        AddAll(evidence, HungarianNgrams, Hu, fold: false);
        AddAll(evidence, EnglishNgrams, En, fold: false);
        return evidence.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void AddAll(Dictionary<string, double[]> evidence, string[] items, int language, bool fold)
    {
        foreach (var item in items.Distinct(StringComparer.Ordinal))
        {
            Mark(evidence, item.ToLower(CultureInfo.InvariantCulture), language);
            if (fold)
            {
                var folded = TextFolding.FoldDiacritics(item);
                if (!string.Equals(folded, item, StringComparison.Ordinal))
                {
                    Mark(evidence, folded, language);
                }
            }
        }
    }

    private static void Mark(Dictionary<string, double[]> evidence, string key, int language)
    {
        if (!evidence.TryGetValue(key, out var weights))
        {
            weights = new double[Languages.Count];
            evidence[key] = weights;
        }

        weights[language] = 1;
    }
}
