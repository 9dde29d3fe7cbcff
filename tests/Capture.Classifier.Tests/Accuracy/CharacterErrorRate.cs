using System.Text;
using System.Text.RegularExpressions;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// Character error rate of recognised text against ground truth: the Levenshtein distance between the two, divided
/// by the length of the ground truth. Both texts are normalised the same way first (<see cref="Normalize"/>).
/// </summary>
internal static partial class CharacterErrorRate
{
    /// <summary>
    /// Unicode NFC, every run of white space (line breaks included) collapsed to one space, trimmed. Case, diacritics
    /// and punctuation are kept: "Łódź" read as "Lodz" is two errors, which is what a Polish clerk searching for it sees.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WhiteSpace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();
    }

    /// <summary>Edit distance per ground-truth character; 0 is perfect, and it can exceed 1 when text is invented.</summary>
    /// <exception cref="ArgumentException">The ground truth is empty after normalisation.</exception>
    public static double Of(string groundTruth, string recognized)
    {
        var truth = Normalize(groundTruth);
        if (truth.Length == 0)
        {
            throw new ArgumentException("Ground truth must contain text.", nameof(groundTruth));
        }

        return (double)EditDistance.Levenshtein<char>(truth, Normalize(recognized)) / truth.Length;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>Word error rate: the same measure over words (normalised text split at spaces) instead of characters.</summary>
internal static class WordErrorRate
{
    /// <exception cref="ArgumentException">The ground truth has no words.</exception>
    public static double Of(string groundTruth, string recognized)
    {
        var truth = Words(groundTruth);
        if (truth.Length == 0)
        {
            throw new ArgumentException("Ground truth must contain words.", nameof(groundTruth));
        }

        return (double)EditDistance.Levenshtein<string>(truth, Words(recognized)) / truth.Length;
    }

    private static string[] Words(string text) =>
        CharacterErrorRate.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Levenshtein distance (insertions, deletions and substitutions all cost 1).</summary>
internal static class EditDistance
{
    public static int Levenshtein<T>(ReadOnlySpan<T> source, ReadOnlySpan<T> target)
        where T : IEquatable<T>
    {
        // Two rows of the dynamic-programming table are enough; pages have a few thousand characters.
        var previous = new int[target.Length + 1];
        var current = new int[target.Length + 1];
        for (var j = 0; j <= target.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= target.Length; j++)
            {
                var substitution = previous[j - 1] + (source[i - 1].Equals(target[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[target.Length];
    }
}
