using System.Globalization;
using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// <summary>
/// Reads the values of the date and days-waiting fields (<c>2026-10-01</c>, <c>2026-10</c>, <c>&gt;7</c>,
/// <c>[2026-10-01 TO 2026-10-31]</c>) into ranges of UTC ticks over an instant field.
/// </summary>
internal static class InstantRanges
{
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy.MM.dd", "yyyy.MM.dd."];

    /// <summary>A half-open range of instants [From, To); null ends are open.</summary>
    public readonly record struct Span(long? From, long? To)
    {
        public Query ToQuery(string field) =>
            NumericRangeQuery.NewInt64Range(field, From, To, minInclusive: true, maxInclusive: false);
    }

    /// <summary>A single date value, or a comparison such as <c>&gt;=2026-10-01</c>.</summary>
    /// <exception cref="InvalidSearchQueryException">The value is not a date or comparison.</exception>
    public static Span Date(string field, string value, TimeZoneInfo zone)
    {
        var (comparison, operand) = SplitComparison(value);
        var (start, end) = Period(field, operand, zone);
        return comparison switch
        {
            ">" => new Span(end, null),
            ">=" => new Span(start, null),
            "<" => new Span(null, start),
            "<=" => new Span(null, end),
            _ => new Span(start, end),
        };
    }

    /// <summary><c>[from TO to]</c> over dates; either end may be <c>*</c>. Inclusive ends include their whole day.</summary>
    public static Span DateRange(string field, string from, string to, bool fromInclusive, bool toInclusive, TimeZoneInfo zone)
    {
        long? start = null;
        long? end = null;
        if (from != "*")
        {
            var (periodStart, periodEnd) = Period(field, from, zone);
            start = fromInclusive ? periodStart : periodEnd;
        }

        if (to != "*")
        {
            var (periodStart, periodEnd) = Period(field, to, zone);
            end = toInclusive ? periodEnd : periodStart;
        }

        return new Span(start, end);
    }

    /// <summary>
    /// Days waiting as a range of <see cref="Indexing.IndexFields.WaitingSince"/>: a case has waited <c>d</c> whole days when
    /// <c>now - d - 1 days &lt; since &lt;= now - d days</c>.
    /// </summary>
    public static Span Waiting(string field, string value, DateTimeOffset now)
    {
        var (comparison, operand) = SplitComparison(value);
        var days = Days(field, operand);
        return comparison switch
        {
            ">" => AtLeast(days + 1),
            ">=" => AtLeast(days),
            "<" => AtMost(days - 1),
            "<=" => AtMost(days),
            _ => new Span(AtMost(days).From, AtLeast(days).To),
        };

        Span AtLeast(int d) => new(null, now.AddDays(-d).UtcTicks + 1);
        Span AtMost(int d) => new(now.AddDays(-(d + 1)).UtcTicks + 1, null);
    }

    /// <summary><c>waiting:[3 TO 10]</c>.</summary>
    public static Span WaitingRange(string field, string from, string to, bool fromInclusive, bool toInclusive, DateTimeOffset now)
    {
        var atLeast = from == "*" ? (Span?)null : Waiting(field, (fromInclusive ? ">=" : ">") + from, now);
        var atMost = to == "*" ? (Span?)null : Waiting(field, (toInclusive ? "<=" : "<") + to, now);
        return new Span(atMost?.From, atLeast?.To);
    }

    private static (string Comparison, string Operand) SplitComparison(string value)
    {
        var trimmed = value.Trim();
        foreach (var comparison in new[] { ">=", "<=", ">", "<", "=" })
        {
            if (trimmed.StartsWith(comparison, StringComparison.Ordinal))
            {
                return (comparison, trimmed[comparison.Length..].Trim());
            }
        }

        return ("=", trimmed);
    }

    private static int Days(string field, string operand)
    {
        if (int.TryParse(operand, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 36_500)
        {
            return days;
        }

        throw new InvalidSearchQueryException(
            $"'{field}:' takes a whole number of days, such as {field}:>7, {field}:<=3 or {field}:[3 TO 10]; '{operand}' is not one.");
    }

    /// <summary>The local day, month or year the operand names, as UTC ticks [start, end).</summary>
    private static (long Start, long End) Period(string field, string operand, TimeZoneInfo zone)
    {
        if (DateOnly.TryParseExact(operand, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (StartOf(day, zone), StartOf(day.AddDays(1), zone));
        }

        if (DateOnly.TryParseExact(operand, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (StartOf(month, zone), StartOf(month.AddMonths(1), zone));
        }

        if (operand.Length == 4 && DateOnly.TryParseExact(operand, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year))
        {
            return (StartOf(year, zone), StartOf(year.AddYears(1), zone));
        }

        throw new InvalidSearchQueryException(
            $"'{operand}' in '{field}:' is not a date; write a day as YYYY-MM-DD (2026-10-01), a month as YYYY-MM or a year as YYYY, " +
            $"or a range such as {field}:[2026-10-01 TO 2026-10-31].");
    }

    private static long StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a daylight-saving jump does not exist locally; the day then starts an hour later.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone).Ticks;
    }
}
