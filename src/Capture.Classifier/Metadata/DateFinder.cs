using System.Globalization;
using System.Text.RegularExpressions;
using Capture.Classifier.Language;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds calendar dates written in the ways Polish, Hungarian and English customers write them.
/// Numeric dates are read day-first (12/11/2026 is 12 November), except in English text whose
/// order can only be month-first (11/25/2026), which is then read as such.
/// </summary>
internal static class DateFinder
{
    private static readonly string[] PolishMonths =
        ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "wrzesnia", "pazdziernika", "listopada", "grudnia"];

    private static readonly string[] HungarianMonths =
        ["januar", "februar", "marcius", "aprilis", "majus", "junius", "julius", "augusztus", "szeptember", "oktober", "november", "december"];

    private static readonly string[] EnglishMonths =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static IReadOnlyList<DateOnly> Find(string text, string language) => [.. Matches(text, language).Select(a => a.Date).Distinct()];

    /// <summary>Where the dates are in <paramref name="text"/>, so other finders do not mistake them for numbers.</summary>
    public static IReadOnlyList<(int Index, int Length)> Spans(string text) => [.. Matches(text, "pl").Select(a => (a.Index, a.Length))];

    private static List<(int Index, int Length, DateOnly Date)> Matches(string text, string language)
    {
        var found = new List<(int Index, int Length, DateOnly Date)>();
        Collect(found, MetadataPatterns.IsoDate(), text, m => Create(m, "y", Number(m, "m"), "d"));
        Collect(found, MetadataPatterns.HungarianNumericDate(), text, m => Create(m, "y", Number(m, "m"), "d"));
        Collect(found, MetadataPatterns.NumericDate(), text, m => FromNumeric(m, language));
        Collect(found, MetadataPatterns.PolishDate(), text, m => Create(m, "y", MonthIndex(PolishMonths, m), "d"));
        Collect(found, MetadataPatterns.HungarianDate(), text, m => Create(m, "y", MonthIndex(HungarianMonths, m), "d"));
        Collect(found, MetadataPatterns.EnglishMonthFirstDate(), text, m => Create(m, "y", MonthIndex(EnglishMonths, m), "d"));
        Collect(found, MetadataPatterns.EnglishDayFirstDate(), text, m => Create(m, "y", MonthIndex(EnglishMonths, m), "d"));

        var accepted = new List<(int Index, int Length, DateOnly Date)>();
        foreach (var candidate in found.OrderBy(f => f.Index).ThenByDescending(f => f.Length))
        {
            if (!accepted.Any(a => candidate.Index < a.Index + a.Length && a.Index < candidate.Index + candidate.Length))
            {
                accepted.Add(candidate);
            }
        }

        return accepted;
    }

    private static void Collect(List<(int, int, DateOnly)> found, Regex pattern, string text, Func<Match, DateOnly?> read)
    {
        foreach (Match match in pattern.Matches(text))
        {
            if (read(match) is { } date)
            {
                found.Add((match.Index, match.Length, date));
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

    private static int MonthIndex(string[] months, Match match)
    {
        var name = TextFolding.FoldDiacritics(match.Groups["month"].Value);
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
