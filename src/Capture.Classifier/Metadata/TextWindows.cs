using System.Buffers;
using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Runs a pattern only near the places where its matches must be (a year for a date, a currency for an amount), so
/// that a long text costs a vectorised scan for the anchors rather than a full regular-expression pass per pattern.
/// Windows are widened to whitespace on both sides, so a pattern's look-arounds see the same boundaries as in the
/// whole text.
/// </summary>
internal static class TextWindows
{
    private delegate int SpanSearch(ReadOnlySpan<char> span);

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>Windows reaching <paramref name="before"/> characters before and <paramref name="after"/> after each anchor, merged.</summary>
    public static List<TextSpan> Around(string text, IEnumerable<TextSpan> anchors, int before, int after)
    {
        var windows = new List<TextSpan>();
        foreach (var anchor in anchors)
        {
            var start = WidenLeft(text, Math.Max(0, anchor.Index - before));
            var end = WidenRight(text, Math.Min(text.Length, anchor.Index + anchor.Length + after));
            if (windows.Count > 0 && start <= windows[^1].Index + windows[^1].Length)
            {
                var last = windows[^1];
                windows[^1] = new TextSpan(last.Index, Math.Max(end, last.Index + last.Length) - last.Index);
            }
            else
            {
                windows.Add(new TextSpan(start, end - start));
            }
        }

        return windows;
    }

    /// <summary>Every match of <paramref name="pattern"/> inside <paramref name="windows"/>, in order.</summary>
    public static IEnumerable<Match> Matches(Regex pattern, string text, List<TextSpan> windows)
    {
        foreach (var window in windows)
        {
            for (var match = pattern.Match(text, window.Index, window.Length); match.Success; match = match.NextMatch())
            {
                yield return match;
            }
        }
    }

    /// <summary>Four-digit numbers from 1900 to 2099 standing alone: every date pattern has one.</summary>
    public static IEnumerable<TextSpan> Years(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var offset = text.AsSpan(position).IndexOfAny(Digits);
            if (offset < 0)
            {
                yield break;
            }

            var start = position + offset;
            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - start == 4 && (text[start] == '2' && text[start + 1] == '0' || text[start] == '1' && text[start + 1] == '9') && !InsideReference(text, start))
            {
                yield return new TextSpan(start, 4);
            }

            position = end;
        }
    }

    /// <summary>Where any of <paramref name="characters"/> occurs in <paramref name="text"/>.</summary>
    public static IEnumerable<TextSpan> Occurrences(string text, SearchValues<char> characters) =>
        Occurrences(text, span => span.IndexOfAny(characters));

    /// <summary>Where any of <paramref name="words"/> occurs in <paramref name="text"/>.</summary>
    public static IEnumerable<TextSpan> Occurrences(string text, SearchValues<string> words) =>
        Occurrences(text, span => span.IndexOfAny(words));

    private static IEnumerable<TextSpan> Occurrences(string text, SpanSearch indexOf)
    {
        var position = 0;
        while (position < text.Length)
        {
            var offset = indexOf(text.AsSpan(position));
            if (offset < 0)
            {
                yield break;
            }

            yield return new TextSpan(position + offset, 1);
            position += offset + 1;
        }
    }

    // "ZAM/2026/04512", "R-2026-00912": a year inside a token that starts with letters is part of a reference number.
    private static bool InsideReference(string text, int index)
    {
        var start = WidenLeft(text, index);
        while (start < index && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        return start < index && char.IsAsciiLetterUpper(text[start]) && text[index - 1] is '/' or '-';
    }

    private static int WidenLeft(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static int WidenRight(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
