using System.Globalization;
using Archive.Store.Reports;

namespace Capture.Web.Reports;

/// <summary>
/// The period the dashboard covers, from the query string: <c>days</c> (the last N days up to now, 30 by default), or
/// <c>from</c> and <c>to</c> (whole days, both included, <c>yyyy-MM-dd</c> in the archive's deadline time zone).
/// </summary>
internal static class DashboardPeriod
{
    public const int DefaultDays = 30;

    public const int MaxDays = 3660;

    /// <summary>The report settings for the period asked, or the problem with it.</summary>
    public static (ReportSettings? Settings, string? Problem) From(int? days, string? from, string? to, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            var span = days ?? DefaultDays;
            return span is < 1 or > MaxDays
                ? (null, $"days must be 1 to {MaxDays}.")
                : (new ReportSettings(now.AddDays(-span), now), null);
        }

        if (Day(from) is not { } first)
        {
            return (null, $"from '{from}' is not a day; write it as 2026-11-01.");
        }

        var end = now;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (Day(to) is not { } last)
            {
                return (null, $"to '{to}' is not a day; write it as 2026-11-30.");
            }

            end = StartOf(last.AddDays(1), zone);
        }

        var start = StartOf(first, zone);
        return start < end ? (new ReportSettings(start, end), null) : (null, "The period is empty: from must not be after to.");
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The first instant of a day in <paramref name="zone"/>.</summary>
    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
