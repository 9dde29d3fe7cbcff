using System.Globalization;
using System.Text.RegularExpressions;
using Capture.Classifier.Language;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds calendar dates written in the ways Polish, Hungarian and English customers write them.
/// Numeric dates are read day-first (12/11/2026 is 12 November), except in English text whose
/// order can only be month-first (11/25/2026), which is then read as such. Month names may be inflected or shortened
/// (<c>3 listopada 2026</c>, <c>2026. nov. 3-án</c>, <c>3rd of Nov 2026</c>), and Polish letters write months in Roman
/// numerals (<c>3 XI 2026</c>, <c>3.XI.2026</c>).
/// </summary>
internal static class DateFinder
{
    private static readonly string[] PolishMonths =
        ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "wrzesnia", "pazdziernika", "listopada", "grudnia"];

    private static readonly string[] HungarianMonths =
        ["januar", "februar", "marcius", "aprilis", "majus", "junius", "julius", "augusztus", "szeptember", "oktober", "november", "december"];

    private static readonly string[] EnglishMonths =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] RomanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    /// <summary>Every date written in <paramref name="text"/>, where it stands, in order; overlapping readings resolved to the longest.</summary>
    public static IReadOnlyList<DateMatch> Find(string text, string language)
    {
        var found = new List<DateMatch>();
        // "2026. november 3." puts the year first, "November 3, 2026" last: the window reaches both ways.
        var windows = TextWindows.Around(text, TextWindows.Years(text), 30, 30);
        if (windows.Count == 0)
        {
            return [];
        }

        Collect(found, windows, MetadataPatterns.IsoDate(), text, m => Create(m, "y", Number(m, "m"), "d"));
        Collect(found, windows, MetadataPatterns.HungarianNumericDate(), text, m => Create(m, "y", Number(m, "m"), "d"));
        Collect(found, windows, MetadataPatterns.NumericDate(), text, m => FromNumeric(m, language));
        Collect(found, windows, MetadataPatterns.PolishDate(), text, m => Create(m, "y", MonthIndex(PolishMonths, m), "d"));
        Collect(found, windows, MetadataPatterns.HungarianDate(), text, m => Create(m, "y", MonthIndex(HungarianMonths, m), "d"));
        Collect(found, windows, MetadataPatterns.EnglishMonthFirstDate(), text, m => Create(m, "y", MonthIndex(EnglishMonths, m), "d"));
        Collect(found, windows, MetadataPatterns.EnglishDayFirstDate(), text, m => Create(m, "y", MonthIndex(EnglishMonths, m), "d"));
        Collect(found, windows, MetadataPatterns.RomanMonthDate(), text, m => Create(m, "y", RomanMonth(m.Groups["month"].Value), "d"));

        var accepted = new List<DateMatch>();
        foreach (var candidate in found.OrderBy(f => f.Index).ThenByDescending(f => f.Length))
        {
            if (!accepted.Any(a => candidate.Index < a.Index + a.Length && a.Index < candidate.Index + candidate.Length))
            {
                accepted.Add(candidate);
            }
        }

        return accepted;
    }

    private static void Collect(List<DateMatch> found, List<TextSpan> windows, Regex pattern, string text, Func<Match, DateOnly?> read)
    {
        foreach (var match in TextWindows.Matches(pattern, text, windows))
        {
            if (read(match) is { } date)
            {
                found.Add(new DateMatch(match.Index, match.Length, date));
            }
        }
    }

    private static DateOnly? FromNumeric(Match match, string language)
    {
        var first = Number(match, "a");
        var second = Number(match, "b");
        var monthFirst = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) && first <= 12 && second > 12;
        var (day, month) = monthFirst ? (second, first) : (first, second);
        return Create(Number(match, "y"), month, day);
    }

    private static DateOnly? Create(Match match, string yearGroup, int month, string dayGroup) =>
        Create(Number(match, yearGroup), month, Number(match, dayGroup));

    private static DateOnly? Create(int year, int month, int day)
    {
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int RomanMonth(string numeral) =>
        Array.IndexOf(RomanMonths, numeral.Replace('1', 'I').Replace('l', 'I').Replace('|', 'I')) + 1;

    private static int MonthIndex(string[] months, Match match)
    {
        var name = TextFolding.FoldDiacritics(match.Groups["month"].Value).TrimEnd('.');
        for (var i = 0; i < months.Length; i++)
        {
            if (name.StartsWith(months[i], StringComparison.Ordinal) || months[i].StartsWith(name, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
