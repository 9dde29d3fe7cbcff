using Capture.Classifier.Language;

namespace Capture.Classifier.Classification;

/// <summary>
/// Turns the start of a text into a sparse, hashed feature vector for the category model: words (folded to lower
/// case without diacritics, so "Dziękuję" and "dziekuje" meet), optionally word pairs, words as written, crude stems
/// and character n-grams inside words. Robust to OCR noise: digits 0 and 1 inside words are read as the letters
/// they were mistaken for ("dzia1a" → "diala"), other numbers and codes become one number token, and punctuation
/// other than <c>!</c> and <c>?</c> is dropped. Deterministic across processes (FNV-1a hashing), thread-safe,
/// and allocation-light: one item of a few thousand characters takes tens of microseconds.
/// </summary>
public static class TextFeaturizer
{
    private const int LongestWord = 40;
    private const int StemLength = 5;
    private const uint WordSeed = 0x1u;
    private const uint BigramSeed = 0x2u;
    private const uint DiacriticSeed = 0x3u;
    private const uint StemSeed = 0x4u;
    private const uint CharacterSeed = 0x10u;
    private const int Groups = 5;

    [ThreadStatic]
    private static Workspace? _workspace;

    /// <summary>Featurizes the first <see cref="FeatureSettings.MaxCharacters"/> characters of <paramref name="text"/>.</summary>
    /// <returns>Slot indices in ascending order with their values; each feature group has unit L2 norm.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static SparseFeatures Featurize(string text, FeatureSettings settings)
    {
        var workspace = Count(text, settings);
        var count = workspace.Used;
        var indices = new int[count];
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            (indices[i], values[i]) = workspace.Entry(i);
        }

        // Two groups can hash into the same slot: sort, then add such neighbours together.
        Array.Sort(indices, values);
        var distinct = 0;
        for (var i = 0; i < count; i++)
        {
            if (distinct > 0 && indices[distinct - 1] == indices[i])
            {
                values[distinct - 1] += values[i];
            }
            else
            {
                indices[distinct] = indices[i];
                values[distinct++] = values[i];
            }
        }

        return new SparseFeatures(indices[..distinct], values[..distinct]);
    }

    /// <summary>
    /// The linear scores <c>bias[c] + Σ weight[slot, c] · value[slot]</c> of the features of <paramref name="text"/>, without
    /// building the sparse vector; <paramref name="weights"/> are laid out slot by slot (<c>[slot * classes + c]</c>).
    /// </summary>
    internal static void Score(string text, FeatureSettings settings, ReadOnlySpan<float> weights, Span<double> scores)
    {
        var workspace = Count(text, settings);
        var classes = scores.Length;
        for (var i = 0; i < workspace.Used; i++)
        {
            var (slot, value) = workspace.Entry(i);
            var row = weights.Slice(slot * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                scores[c] += row[c] * value;
            }
        }
    }

    private static Workspace Count(string text, FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(settings);
        var workspace = _workspace ??= new Workspace();
        workspace.Clear();
        Tokenise(text.AsSpan(0, Math.Min(text.Length, settings.MaxCharacters)), settings, workspace);
        workspace.Normalise();
        return workspace;
    }

    private static void Tokenise(ReadOnlySpan<char> text, FeatureSettings settings, Workspace workspace)
    {
        Span<char> raw = stackalloc char[LongestWord];
        Span<char> folded = stackalloc char[LongestWord + 2];
        uint? previous = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '!' or '?')
            {
                previous = AddToken(c == '!' ? "!" : "?", c == '!' ? "!" : "?", isWord: false, previous, settings, workspace);
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            int length = 0, letters = 0, zeroesAndOnes = 0, otherDigits = 0;
            for (; i < text.Length && char.IsLetterOrDigit(text[i]); i++)
            {
                var t = text[i];
                letters += char.IsLetter(t) ? 1 : 0;
                zeroesAndOnes += t is '0' or '1' ? 1 : 0;
                otherDigits += char.IsDigit(t) && t is not ('0' or '1') ? 1 : 0;
                if (length < LongestWord)
                {
                    raw[length] = char.ToLowerInvariant(t) switch { '0' => 'o', '1' => 'l', var lower => lower };
                    folded[length + 1] = TextFolding.FoldCharacter(raw[length]);
                    length++;
                }
            }

            // A word with a 0 or 1 in it is an OCR slip ("rek1amacja"); anything else with digits is a number or a code.
            var isWord = letters > 0 && otherDigits == 0 && zeroesAndOnes <= letters;
            previous = isWord
                ? AddToken(raw[..length], folded[1..(length + 1)], isWord: true, previous, settings, workspace, folded[..(length + 2)])
                : AddToken("#", "#", isWord: false, previous, settings, workspace);
        }
    }

    private static uint AddToken(
        ReadOnlySpan<char> raw,
        ReadOnlySpan<char> folded,
        bool isWord,
        uint? previous,
        FeatureSettings settings,
        Workspace workspace,
        Span<char> paddedBuffer = default)
    {
        var word = Hash(folded, WordSeed);
        workspace.Add(0, word);
        if (settings.WordBigrams && previous is { } before)
        {
            workspace.Add(1, Mix((before * 0x9E3779B1u) ^ word ^ BigramSeed));
        }

        if (!isWord)
        {
            return word;
        }

        if (settings.DiacriticWords && !raw.SequenceEqual(folded))
        {
            workspace.Add(2, Hash(raw, DiacriticSeed));
        }

        if (settings.Stems && folded.Length > StemLength)
        {
            workspace.Add(3, Hash(folded[..StemLength], StemSeed));
        }

        if (settings.CharacterGrams)
        {
            paddedBuffer[0] = '<';
            paddedBuffer[^1] = '>';
            for (var start = 0; start + settings.MinCharacterGram <= paddedBuffer.Length; start++)
            {
                // FNV-1a of the n-gram starting here, extended one character at a time: every length costs one step.
                var hash = 2166136261u ^ (CharacterSeed * 16777619u);
                var longest = Math.Min(settings.MaxCharacterGram, paddedBuffer.Length - start);
                for (var n = 1; n <= longest; n++)
                {
                    hash = (hash ^ paddedBuffer[start + n - 1]) * 16777619u;
                    if (n >= settings.MinCharacterGram)
                    {
                        workspace.Add(4, Mix(hash));
                    }
                }
            }
        }

        return word;
    }

    private static uint Hash(ReadOnlySpan<char> text, uint seed)
    {
        var hash = 2166136261u ^ (seed * 16777619u);
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Mix(hash);
    }

    // MurmurHash3's finaliser: spreads FNV's weak low bits over the whole word before they are masked.
    private static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        return hash ^ (hash >> 16);
    }

    /// <summary>
    /// Per-thread counts of (group, slot) pairs in an open-addressing table that is reused between calls and cleared
    /// through the list of entries used, so a short text costs nothing for the table's size.
    /// </summary>
    private sealed class Workspace
    {
        private const int Empty = -1;
        private const int InitialBits = 14;
        private static readonly float[] LogOnePlus = [.. Enumerable.Range(0, 256).Select(n => (float)Math.Log(1 + n))];

        private readonly double[] _groupScale = new double[Groups];
        private int[] _keys = NewKeys(1 << InitialBits);
        private int _shift = 32 - InitialBits;
        private int[] _counts = new int[1 << InitialBits];
        private int[] _used = new int[1 << (InitialBits - 1)];
        private float[] _values = new float[1 << (InitialBits - 1)];

        public int Used { get; private set; }

        public void Clear()
        {
            for (var i = 0; i < Used; i++)
            {
                _keys[_used[i]] = Empty;
            }

            Used = 0;
        }

        public void Add(int group, uint hash) => Add((group << FeatureSettings.HashBits) | (int)(hash & (FeatureSettings.Dimension - 1)), 1);

        /// <summary>Turns counts into values: sub-linear term frequency, each group scaled to unit L2 norm.</summary>
        public void Normalise()
        {
            // A word said five times is stronger evidence than a word said once, but not five times stronger.
            Array.Clear(_groupScale);
            for (var i = 0; i < Used; i++)
            {
                var position = _used[i];
                var value = Log(_counts[position]);
                _values[i] = value;
                _groupScale[_keys[position] >> FeatureSettings.HashBits] += value * value;
            }

            for (var g = 0; g < Groups; g++)
            {
                _groupScale[g] = _groupScale[g] > 0 ? 1 / Math.Sqrt(_groupScale[g]) : 0;
            }

            for (var i = 0; i < Used; i++)
            {
                _values[i] *= (float)_groupScale[_keys[_used[i]] >> FeatureSettings.HashBits];
            }
        }

        public (int Slot, float Value) Entry(int index) => (_keys[_used[index]] & (FeatureSettings.Dimension - 1), _values[index]);

        private static float Log(int count) => count < LogOnePlus.Length ? LogOnePlus[count] : (float)Math.Log(1 + count);

        private static int[] NewKeys(int size)
        {
            var keys = new int[size];
            Array.Fill(keys, Empty);
            return keys;
        }

        private void Add(int key, int count)
        {
            var mask = _keys.Length - 1;
            var position = (int)(((uint)key * 0x9E3779B1u) >> _shift);
            while (true)
            {
                var found = _keys[position];
                if (found == key)
                {
                    _counts[position] += count;
                    return;
                }

                if (found == Empty)
                {
                    if ((Used + 1) * 2 > _keys.Length)
                    {
                        Grow();
                        Add(key, count);
                        return;
                    }

                    _keys[position] = key;
                    _counts[position] = count;
                    _used[Used++] = position;
                    return;
                }

                position = (position + 1) & mask;
            }
        }

        private void Grow()
        {
            var entries = _used.AsSpan(0, Used).ToArray().Select(p => (Key: _keys[p], Count: _counts[p])).ToList();
            _keys = NewKeys(_keys.Length * 2);
            _counts = new int[_keys.Length];
            _used = new int[_keys.Length / 2];
            _values = new float[_keys.Length / 2];
            _shift--;
            Used = 0;
            foreach (var (key, count) in entries)
            {
                Add(key, count);
            }
        }
    }
}

/// <summary>A sparse feature vector: slot indices in ascending order and their values.</summary>
/// <param name="Indices">Slots with a non-zero value, ascending.</param>
/// <param name="Values">The value of each slot in <paramref name="Indices"/>.</param>
public readonly record struct SparseFeatures(int[] Indices, float[] Values);
