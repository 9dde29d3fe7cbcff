using System.Text;
using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Lucene.Net.Analysis.Miscellaneous;

namespace Archive.Search.Snippets;

/// <summary>
/// Cuts a short excerpt of a document's text around the first matched term and wraps every match in it
/// in <c>[</c> <c>]</c>. Matches are found by re-reading the stored text word by word, with each word's offsets: a word
/// matches when its folded form is a query term (<c>Lodz</c> highlights <c>Łódź</c>) or when one of its stems in
/// the document's language is a query stem (<c>reklamacja</c> highlights <c>reklamacji</c>), as the index matched it.
/// </summary>
internal static class SnippetBuilder
{
    public const int TargetLength = 200;

    /// <summary>How much text before the first match gives it context.</summary>
    private const int LeadIn = 60;

    /// <summary>Longer "words" (encoded data, URLs) are never matched: the index's stems and folds stop there too.</summary>
    private const int LongestWord = 64;

    /// <param name="text">The stored text.</param>
    /// <param name="matcher">What the query matched.</param>
    /// <param name="stems">The stem cache of the document's language and the query's stems in it, when it has any.</param>
    public static string Build(string? text, SnippetTermMatcher matcher, (StemCache Cache, IReadOnlySet<string> Stems)? stems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var matches = matcher.IsEmpty ? [] : FindMatches(text, matcher, stems);
        var firstStart = matches.Count > 0 ? matches[0].Start : 0;
        var firstEnd = matches.Count > 0 ? matches[0].End : 0;

        var start = Math.Max(0, firstStart - LeadIn);
        if (start > 0)
        {
            // Start on a word boundary, but never after the match itself.
            var space = text.IndexOfAny([' ', '\n', '\t', '\r'], start, firstStart - start);
            start = space >= 0 ? space + 1 : start;
        }

        var end = Math.Min(text.Length, Math.Max(start + TargetLength, firstEnd));
        if (end < text.Length)
        {
            var space = text.LastIndexOfAny([' ', '\n', '\t', '\r'], end - 1, end - firstEnd);
            end = space > firstEnd ? space : end;
        }

        var snippet = new StringBuilder(end - start + 16);
        if (start > 0)
        {
            snippet.Append("... ");
        }

        var cursor = start;
        foreach (var (matchStart, matchEnd) in matches.Where(match => match.Start >= start && match.End <= end))
        {
            snippet.Append(text, cursor, matchStart - cursor).Append('[').Append(text, matchStart, matchEnd - matchStart).Append(']');
            cursor = matchEnd;
        }

        snippet.Append(text, cursor, end - cursor);
        if (end < text.Length)
        {
            snippet.Append(" ...");
        }

        return CollapseWhitespace(snippet.ToString());
    }

    /// <summary>
    /// The words of the text that the query matched, up to the end of the window after the first one. Words are runs
    /// of letters and digits, as the tokenizer splits them; each is lower-cased, folded and stemmed in place without
    /// allocating, because this runs for every hit shown.
    /// </summary>
    private static List<(int Start, int End)> FindMatches(string text, SnippetTermMatcher matcher, (StemCache Cache, IReadOnlySet<string> Stems)? stems)
    {
        var matches = new List<(int Start, int End)>();
        Span<char> lower = stackalloc char[LongestWord];
        var folded = new char[LongestWord * 4];
        var lowerArray = new char[LongestWord];
        var position = 0;
        while (position < text.Length)
        {
            if (!char.IsLetterOrDigit(text[position]))
            {
                position++;
                continue;
            }

            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || char.IsSurrogate(text[position])))
            {
                position++;
            }

            // Only matches inside the window around the first one can be shown; stop reading after it.
            if (matches.Count > 0 && start > matches[0].Start + TargetLength)
            {
                break;
            }

            var length = position - start;
            if (length > LongestWord)
            {
                continue;
            }

            var word = lower[..length];
            text.AsSpan(start, length).ToLowerInvariant(word);
            ReadOnlySpan<char> foldedWord = word;
            if (word.ContainsAnyExceptInRange('\0', '\u007f'))
            {
                word.CopyTo(lowerArray);
                var foldedLength = ASCIIFoldingFilter.FoldToASCII(lowerArray, 0, folded, 0, length);
                foldedWord = folded.AsSpan(0, foldedLength);
            }

            if (matcher.Matches(foldedWord) || MatchesStem(word, stems))
            {
                matches.Add((start, position));
            }
        }

        return matches;
    }

    private static bool MatchesStem(ReadOnlySpan<char> word, (StemCache Cache, IReadOnlySet<string> Stems)? stems)
    {
        if (stems is not { } language || word.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        foreach (var stem in language.Cache.Stems(word))
        {
            if (language.Stems.Contains(stem))
            {
                return true;
            }
        }

        return false;
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousWasSpace = false;
        foreach (var c in value)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !previousWasSpace)
            {
                builder.Append(isSpace ? ' ' : c);
            }

            previousWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }
}
