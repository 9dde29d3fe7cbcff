using System.Text.RegularExpressions;

namespace Capture.Benchmarks.Ocr;

/// <summary>How well one variant read the pages: markers found and ground-truth words recognised.</summary>
/// <param name="MarkersFound">Pages on which the page's marker word was read.</param>
/// <param name="MissedMarkers">The markers that were not read.</param>
/// <param name="WordRecall">Share of the ground truth's words (3+ letters) found in the text, averaged over pages with ground truth.</param>
/// <param name="PagesIdenticalToA">Pages whose text equals variant (a)'s (whitespace normalised).</param>
internal sealed record TextQuality(int MarkersFound, IReadOnlyList<string> MissedMarkers, double WordRecall, int PagesIdenticalToA);

/// <summary>Checks that the variants recognised comparable text, so that their timings compare like with like.</summary>
internal static partial class TextCheck
{
    /// <summary>Variants may read this much less of the ground truth than (a) and still count as comparable.</summary>
    public const double RecallTolerance = 0.02;

    public static TextQuality Assess(IReadOnlyList<BenchPage> pages, IReadOnlyList<string> texts, IReadOnlyList<string> baseline)
    {
        var missed = new List<string>();
        var recalls = new List<double>();
        var identical = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            if (!texts[i].Contains(page.Marker, StringComparison.OrdinalIgnoreCase))
            {
                missed.Add(page.Marker);
            }

            if (page.GroundTruth is not null)
            {
                recalls.Add(Recall(page.GroundTruth, texts[i]));
            }

            if (Normalize(texts[i]) == Normalize(baseline[i]))
            {
                identical++;
            }
        }

        return new TextQuality(pages.Count - missed.Count, missed, recalls.Count == 0 ? 0 : recalls.Average(), identical);
    }

    /// <summary>The share of the truth's words that occur in the recognised text.</summary>
    private static double Recall(string truth, string recognized)
    {
        var truthWords = Words(truth).ToList();
        if (truthWords.Count == 0)
        {
            return 1;
        }

        var found = Words(recognized).ToHashSet(StringComparer.Ordinal);
        return truthWords.Count(found.Contains) / (double)truthWords.Count;
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(match => match.Value.ToUpperInvariant());

    private static string Normalize(string text) => WhitespacePattern().Replace(text, " ").Trim();

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
