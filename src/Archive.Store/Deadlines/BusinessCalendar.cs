namespace Archive.Store.Deadlines;

/// <summary>
/// The company's working calendar in one time zone: which days of the week are worked, and which dates are holidays
/// (one-off, such as Easter Monday 2026, or every year on the same month and day, such as 1 May).
/// </summary>
/// <remarks>
/// <para>Business time runs only on business days, all day long (midnight to midnight, local): a deadline counted in
/// days ends at a midnight, and a pause that lasts a weekend costs no business time. One business day counts as 24
/// nominal hours even when the clocks change that day (23 or 25 real hours), so a day is a day and no deadline drifts by
/// an hour across a DST change; within such a day, time is counted in proportion.</para>
/// <para>Instants may be given with any offset; the calendar reads them in <see cref="TimeZone"/> and returns UTC.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>One business day, the unit of <see cref="Elapsed"/> and <see cref="Add"/>.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    // No real calendar has ten years without a business day; the limit only turns a configuration mistake into an
    // exception instead of an endless loop.
    private const int MaxDaysScanned = 3660;

    private readonly HashSet<DayOfWeek> _workingDays;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<(int Month, int Day)> _yearlyHolidays;

    /// <summary>Creates a calendar.</summary>
    /// <param name="timeZone">The zone whose midnights bound the days.</param>
    /// <param name="workingDays">The days of the week that are worked (at least one).</param>
    /// <param name="holidays">One-off holidays.</param>
    /// <param name="yearlyHolidays">Holidays on the same month and day every year (29 February only in leap years).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="workingDays"/> is empty.</exception>
    public BusinessCalendar(TimeZoneInfo timeZone, IEnumerable<DayOfWeek> workingDays, IEnumerable<DateOnly> holidays, IEnumerable<(int Month, int Day)> yearlyHolidays)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(yearlyHolidays);
        TimeZone = timeZone;
        _workingDays = [.. workingDays];
        _holidays = [.. holidays];
        _yearlyHolidays = [.. yearlyHolidays];
        if (_workingDays.Count == 0)
        {
            throw new ArgumentException("A business calendar needs at least one working day of the week.", nameof(workingDays));
        }
    }

    /// <summary>A calendar on which every day counts, for deadlines the law counts in calendar days.</summary>
    /// <param name="timeZone">The zone whose midnights bound the days.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public static BusinessCalendar EveryDay(TimeZoneInfo timeZone) => new(timeZone, Enum.GetValues<DayOfWeek>(), [], []);

    /// <summary>The zone whose midnights bound the days.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>True when <paramref name="date"/> is a working day of the week and not a holiday.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>Whether business time runs on that date.</returns>
    public bool IsBusinessDay(DateOnly date) =>
        _workingDays.Contains(date.DayOfWeek) && !_holidays.Contains(date) && !_yearlyHolidays.Contains((date.Month, date.Day));

    /// <summary>The local date of an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Its date in <see cref="TimeZone"/>.</returns>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The instant a local date begins: its midnight, or the first instant after it when the clocks jump over midnight
    /// (the earlier one when midnight happens twice).
    /// </summary>
    /// <param name="date">The local date.</param>
    /// <returns>The instant, in UTC.</returns>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// The end of the <paramref name="days"/>th business day after the local date of <paramref name="from"/>: the
    /// midnight that ends it. The day of <paramref name="from"/> itself does not count, as courts and regulators count
    /// deadlines: a complaint received on Monday with 14 business days to answer may be answered until the end of
    /// Friday two weeks later (with no holidays in between).
    /// </summary>
    /// <param name="from">The event that starts the deadline.</param>
    /// <param name="days">How many business days; zero gives the end of <paramref name="from"/>'s own day.</param>
    /// <returns>The end of the last day, in UTC.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">No business day was found in ten years (a calendar of holidays only).</exception>
    public DateTimeOffset EndOfBusinessDays(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return Add(StartOfDay(LocalDate(from).AddDays(1)), days * Day);
    }

    /// <summary>The business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    /// <param name="from">The start.</param>
    /// <param name="to">The end.</param>
    /// <returns>Business time, one business day being <see cref="Day"/>.</returns>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var date = LocalDate(from); from < to; date = date.AddDays(1))
        {
            var end = StartOfDay(date.AddDays(1));
            if (IsBusinessDay(date))
            {
                total += ToBusiness(Min(end, to) - from, end - StartOfDay(date));
            }

            from = end;
        }

        return total;
    }

    /// <summary>
    /// The earliest instant at which <paramref name="businessTime"/> of business time has run from <paramref name="from"/>:
    /// time that ends with a business day ends at that day's midnight, not at the start of the next business day.
    /// </summary>
    /// <param name="from">The start.</param>
    /// <param name="businessTime">How much business time, one business day being <see cref="Day"/>.</param>
    /// <returns>The instant, in UTC.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">No business day was found in ten years (a calendar of holidays only).</exception>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(businessTime, TimeSpan.Zero);
        var cursor = from.ToUniversalTime();
        var remaining = businessTime;
        var date = LocalDate(cursor);
        for (var scanned = 0; remaining > TimeSpan.Zero; scanned++, date = date.AddDays(1))
        {
            if (scanned > MaxDaysScanned)
            {
                throw new InvalidOperationException($"No business day in the {MaxDaysScanned} days after {from:u}: check the working days and holidays.");
            }

            var end = StartOfDay(date.AddDays(1));
            if (IsBusinessDay(date))
            {
                var length = end - StartOfDay(date);
                var available = ToBusiness(end - cursor, length);
                if (remaining <= available)
                {
                    return cursor + ToReal(remaining, length);
                }

                remaining -= available;
            }

            cursor = end;
        }

        return cursor;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    // A day of 23 or 25 real hours still counts as one business day; Int128 keeps ticks × ticks exact.
    private static TimeSpan ToBusiness(TimeSpan real, TimeSpan dayLength) =>
        dayLength == Day ? real : new TimeSpan((long)((Int128)real.Ticks * Day.Ticks / dayLength.Ticks));

    private static TimeSpan ToReal(TimeSpan business, TimeSpan dayLength) =>
        dayLength == Day ? business : new TimeSpan((long)((Int128)business.Ticks * dayLength.Ticks / Day.Ticks));
}
