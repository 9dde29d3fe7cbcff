using System.Text.RegularExpressions;

namespace Capture.Classifier.Tests.Ocr;

/// <summary>
/// The share of the ground truth's words (two letters or more, case-insensitive, counted with repeats) found in the
/// recognised text, whatever their order: multi-column pages come out in a different order than their ground truth.
/// </summary>
internal static partial class WordRecall
{
    public static double Of(string groundTruth, string recognised)
    {
        var expected = Words(groundTruth);
        var found = Words(recognised);
        var matched = expected.Sum(word => Math.Min(word.Value, found.GetValueOrDefault(word.Key)));
        return (double)matched / expected.Values.Sum();
    }

    private static Dictionary<string, int> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant())
            .Select(match => match.Value)
            .Where(word => word.Length > 1)
            .GroupBy(word => word, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
