using Lucene.Net.Analysis.Miscellaneous;

namespace Archive.Search.Analysis;

/// <summary>
/// Normalises a single term the way the analysers would, for the query terms that bypass analysis
/// (prefix, wildcard and fuzzy terms, keyword fields).
/// </summary>
internal static class TermNormalizer
{
    /// <summary>Lower case only: keyword fields and the exact (unfolded) text field.</summary>
    public static string Lower(string term) => term.Trim().ToLowerInvariant();

    /// <summary>Lower case and ASCII folding: the folded text fields (<c>Łódź</c> → <c>lodz</c>).</summary>
    public static string Fold(string term)
    {
        var lower = Lower(term);
        if (lower.All(char.IsAscii))
        {
            return lower;
        }

        var input = lower.ToCharArray();
        // Folding can expand a character to up to four (e.g. ß → ss); the filter sizes its buffer the same way.
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }
}
