using Archive.Store.Deadlines;

namespace Archive.Store.Tests;

/// <summary>Business-day arithmetic: weekends, holidays (one-off and yearly), DST changes and midnights that do not exist.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private static BusinessCalendar Calendar(params string[] holidays)
    {
        var options = new DeadlineOptions { TimeZone = "Europe/Warsaw", Holidays = [.. holidays] };
        Assert.Empty(options.Validate("Archive:Deadlines"));
        return options.CreateCalendar(TimeZoneInfo.Utc);
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(new DateTime(year, month, day, hour, minute, 0), Warsaw.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    [Fact]
    public void EndOfBusinessDays_FromAMonday_EndsOnFridayTwoWeeksLater_NotCountingTheFirstDay()
    {
        var due = Calendar().EndOfBusinessDays(Local(2026, 3, 2, 9), 14);

        Assert.Equal(Local(2026, 3, 21), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void EndOfBusinessDays_FromASaturday_StartsCountingOnMonday_AndEndsAtTheLocalMidnightAfterTheClocksChange()
    {
        // 2026-03-29 Warsaw moves from +01:00 to +02:00; the 14th business day after Saturday 14 March is Thursday 2 April.
        var due = Calendar().EndOfBusinessDays(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero), 14);

        Assert.Equal(new DateTimeOffset(2026, 4, 2, 22, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void EndOfBusinessDays_SkipsOneOffAndYearlyHolidays()
    {
        var calendar = Calendar("2026-04-06", "05-01");

        // Easter Monday 2026 (one-off) and 1 May (every year) stand still.
        Assert.Equal(Local(2026, 4, 9), calendar.EndOfBusinessDays(Local(2026, 4, 2, 15), 3));
        Assert.Equal(Local(2026, 5, 5), calendar.EndOfBusinessDays(Local(2026, 4, 29, 15), 2));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2030, 5, 1)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2027, 4, 5)));
    }

    [Fact]
    public void YearlyHolidayOn29February_AppliesInLeapYearsOnly()
    {
        var calendar = Calendar("02-29");

        Assert.False(calendar.IsBusinessDay(new DateOnly(2028, 2, 29)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Elapsed_CountsNothingOverTheWeekend_AndPartsOfBusinessDays()
    {
        var calendar = Calendar();

        Assert.Equal(TimeSpan.FromDays(1), calendar.Elapsed(Local(2026, 3, 13, 12), Local(2026, 3, 16, 12)));
        Assert.Equal(TimeSpan.FromHours(6), calendar.Elapsed(Local(2026, 3, 14, 12), Local(2026, 3, 16, 6)));
        Assert.Equal(TimeSpan.Zero, calendar.Elapsed(Local(2026, 3, 16, 12), Local(2026, 3, 16, 11)));
    }

    [Fact]
    public void DaysAcrossADstChange_CountAsWholeDays_InProportionWithinTheShortAndTheLongDay()
    {
        var everyDay = BusinessCalendar.EveryDay(Warsaw);

        // Sunday 29 March 2026 has 23 hours and Sunday 25 October 25 hours: each still counts as one day.
        Assert.Equal(TimeSpan.FromDays(2), everyDay.Elapsed(Local(2026, 3, 28, 12), Local(2026, 3, 30, 12)));
        Assert.Equal(TimeSpan.FromDays(2), everyDay.Elapsed(Local(2026, 10, 24, 12), Local(2026, 10, 26, 12)));
        Assert.Equal(Local(2026, 3, 30, 12), everyDay.Add(Local(2026, 3, 28, 12), TimeSpan.FromDays(2)));
        Assert.Equal(Local(2026, 10, 26, 12), everyDay.Add(Local(2026, 10, 24, 12), TimeSpan.FromDays(2)));
        Assert.Equal(TimeSpan.FromHours(12), everyDay.Elapsed(Local(2026, 3, 29), Local(2026, 3, 29, 12, 30)));
    }

    [Fact]
    public void Add_TimeThatEndsWithABusinessDay_EndsAtItsMidnight_NotOnTheNextBusinessDay()
    {
        var calendar = Calendar();

        Assert.Equal(Local(2026, 3, 14), calendar.Add(Local(2026, 3, 13), TimeSpan.FromDays(1)));
        Assert.Equal(Local(2026, 3, 16, 1), calendar.Add(Local(2026, 3, 13, 23), TimeSpan.FromHours(2)));
        Assert.Equal(Local(2026, 3, 14, 10), calendar.Add(Local(2026, 3, 14, 10), TimeSpan.Zero));
    }

    [Fact]
    public void StartOfDay_WhenTheClocksJumpOverMidnight_IsTheFirstInstantOfTheDay()
    {
        // Brazil moved its clocks from 00:00 to 01:00 on 4 November 2018: that day began at 01:00 -02:00.
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var calendar = new BusinessCalendar(saoPaulo, Enum.GetValues<DayOfWeek>(), [], []);

        Assert.Equal(new DateTimeOffset(2018, 11, 4, 3, 0, 0, TimeSpan.Zero), calendar.StartOfDay(new DateOnly(2018, 11, 4)));
        Assert.Equal(TimeSpan.FromDays(1), calendar.Elapsed(calendar.StartOfDay(new DateOnly(2018, 11, 4)), calendar.StartOfDay(new DateOnly(2018, 11, 5))));
    }

    [Fact]
    public void ACalendarWithoutWorkingDays_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(Warsaw, [], [], []));
    }
}
