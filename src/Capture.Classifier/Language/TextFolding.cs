using System.Globalization;
using System.Text;

namespace Capture.Classifier.Language;

/// <summary>
/// Text normalisation shared by language detection and classification: lower-casing, removing
/// diacritics (so "dziękuję" and "dziekuje" look alike) and undoing the commonest OCR confusions.
/// </summary>
public static class TextFolding
{
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>
    /// <see cref="FoldDiacritics"/> for one character, by table lookup: lower-cased, without its diacritic.
    /// Characters beyond Latin Extended-B are only lower-cased.
    /// </summary>
    public static char FoldCharacter(char c) => c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);

    /// <summary>Lower-cases <paramref name="text"/> and removes diacritics (including Polish ł, which is not a combining mark).</summary>
    public static string FoldDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c == 'ł' ? 'l' : c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Lower-cases, replaces digits that OCR reads in place of letters inside words ("dzia1a" → "dziala",
    /// "c0" → "co") and collapses runs of whitespace into single spaces.
    /// </summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(lower.Length);
        var pendingSpace = false;
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(IsLetterLookalikeDigit(lower, i) ? (c == '1' ? 'l' : 'o') : c);
        }

        return builder.ToString();
    }

    private static bool IsLetterLookalikeDigit(string text, int index)
    {
        var c = text[index];
        if (c is not ('1' or '0'))
        {
            return false;
        }

        // Only inside a word: a letter on at least one side and no digit on either side, so "ZAM/2026/04512" stays intact.
        var before = index > 0 ? text[index - 1] : ' ';
        var after = index + 1 < text.Length ? text[index + 1] : ' ';
        return (char.IsLetter(before) || char.IsLetter(after)) && !char.IsDigit(before) && !char.IsDigit(after)
            && (char.IsLetter(before) || before is ' ' or '\n') && (char.IsLetter(after) || after is ' ' or ',' or '.' or '\n');
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var i = 0; i < table.Length; i++)
        {
            var folded = FoldDiacritics(((char)i).ToString());
            table[i] = folded.Length == 1 ? folded[0] : char.ToLowerInvariant((char)i);
        }

        return table;
    }
}
