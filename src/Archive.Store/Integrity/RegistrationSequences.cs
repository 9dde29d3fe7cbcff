using System.Globalization;

namespace Archive.Store.Integrity;

/// <summary>
/// The registration numbers seen per scope (a year, or the whole archive), one bit per number, so a million cases
/// cost about 125 KB. Finds numbers taken twice, gaps, and counters behind the highest number issued.
/// </summary>
internal sealed class RegistrationSequences
{
    private const int MaxGapsReported = 50;

    private readonly Dictionary<string, Scope> _scopes = new(StringComparer.Ordinal);

    /// <summary>Records a case's number; false when its scope already had that sequence (a duplicate).</summary>
    public bool Add(string scope, int sequence)
    {
        if (!_scopes.TryGetValue(scope, out var bits))
        {
            bits = new Scope();
            _scopes.Add(scope, bits);
        }

        return bits.Add(sequence);
    }

    /// <summary>The highest sequence seen in <paramref name="scope"/>, 0 for none.</summary>
    public int Highest(string scope) => _scopes.TryGetValue(scope, out var bits) ? bits.Highest : 0;

    /// <summary>The scopes seen, in order.</summary>
    public IEnumerable<string> Scopes => _scopes.Keys.Order(StringComparer.Ordinal);

    /// <summary>The runs of numbers missing below the highest of <paramref name="scope"/>, each as (first, last); at most 50, then one run to the end.</summary>
    public IEnumerable<(int First, int Last)> Gaps(string scope)
    {
        var bits = _scopes[scope];
        var reported = 0;
        var sequence = 1;
        while (sequence <= bits.Highest)
        {
            if (bits.Contains(sequence))
            {
                sequence++;
                continue;
            }

            var first = sequence;
            while (sequence <= bits.Highest && !bits.Contains(sequence))
            {
                sequence++;
            }

            yield return (first, sequence - 1);
            if (++reported == MaxGapsReported)
            {
                yield break;
            }
        }
    }

    /// <summary>A scope's name as people read it.</summary>
    public static string Describe(string scope) =>
        int.TryParse(scope, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? "year " + scope : "the archive's sequence";

    private sealed class Scope
    {
        private ulong[] _words = new ulong[16];

        public int Highest { get; private set; }

        public bool Contains(int sequence) => sequence >= 0 && (sequence >> 6) < _words.Length && (_words[sequence >> 6] & (1UL << (sequence & 63))) != 0;

        public bool Add(int sequence)
        {
            if (sequence < 0)
            {
                return true;
            }

            var word = sequence >> 6;
            if (word >= _words.Length)
            {
                Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
            }

            var mask = 1UL << (sequence & 63);
            var fresh = (_words[word] & mask) == 0;
            _words[word] |= mask;
            Highest = Math.Max(Highest, sequence);
            return fresh;
        }
    }
}
