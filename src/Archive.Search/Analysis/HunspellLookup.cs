using System.Collections;
using System.Reflection;
using Lucene.Net.Analysis.Hunspell;

namespace Archive.Search.Analysis;

/// <summary>
/// Asks Lucene's Hunspell stemmer whether a word is in a dictionary (under any of its affixes). The stemmer class is
/// internal to Lucene.NET 4.8, so it is found by reflection once; when it cannot be (another version), the answer is
/// null and callers go without.
/// </summary>
internal static class HunspellLookup
{
    private static readonly Type? StemmerType = typeof(Dictionary).Assembly.GetType("Lucene.Net.Analysis.Hunspell.Stemmer");

    private static readonly ConstructorInfo? Create =
        StemmerType?.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(Dictionary)]);

    private static readonly MethodInfo? Stem =
        StemmerType?.GetMethod("Stem", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(string)]);

    /// <summary>True when the dictionary gives the word at least one stem; null when Lucene's stemmer cannot be reached.</summary>
    public static bool? Knows(Dictionary dictionary, string word)
    {
        if (Create is null || Stem is null)
        {
            return null;
        }

        try
        {
            // A stemmer keeps working buffers, so each question gets its own; a query asks a handful.
            var stemmer = Create.Invoke([dictionary]);
            return Stem.Invoke(stemmer, [word]) is ICollection { Count: > 0 };
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
