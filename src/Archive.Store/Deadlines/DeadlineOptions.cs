using System.Globalization;
using Archive.Store.Cases;

namespace Archive.Store.Deadlines;

/// <summary>
/// The response deadlines (service levels), bound from <c>Archive:Deadlines</c>: the company's business calendar and
/// the rules that give each case its deadline. Part of <see cref="ArchiveStoreOptions"/> because the store keeps every
/// case's deadline in the same transaction as the status move that starts, pauses or stops it.
/// </summary>
/// <remarks>
/// The lists are null until configured, and null means the built-in default. An initialised list would not work: the
/// configuration binder adds the configured items to a list that already has some, so the defaults could never be
/// replaced, only extended.
/// </remarks>
public sealed class DeadlineOptions
{
    /// <summary>The key of this section inside <c>Archive</c>.</summary>
    public const string Key = "Deadlines";

    /// <summary>The IANA time zone (e.g. <c>Europe/Warsaw</c>) whose midnights bound the days; empty for the clock's local zone.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>The working days of the week by English name (<c>Monday</c> … <c>Sunday</c>); null for Monday to Friday.</summary>
    public List<string>? WorkingDays { get; set; }

    /// <summary>
    /// Holidays on which business time stands still: <c>yyyy-MM-dd</c> for one date (Easter Monday, a bridge day) or
    /// <c>MM-dd</c> for the same day every year (<c>05-01</c>); null or empty for none.
    /// </summary>
    public List<string>? Holidays { get; set; }

    /// <summary>
    /// The rules, in any order: a case takes the rule that matches the most of its criteria (category, language,
    /// country), and among equally specific rules the first listed. Null for
    /// <see cref="DefaultRules"/>. A case no rule matches has no deadline.
    /// </summary>
    public List<DeadlineRule>? Rules { get; set; }

    /// <summary>The built-in rules: a complaint within 14 business days, a suggestion within 30 calendar days, thanks without a deadline.</summary>
    public static IReadOnlyList<DeadlineRule> DefaultRules =>
    [
        new() { Category = nameof(CaseCategory.Complaint), BusinessDays = 14 },
        new() { Category = nameof(CaseCategory.Suggestion), CalendarDays = 30 },
        new() { Category = nameof(CaseCategory.Thanks) },
    ];

    /// <summary>The built-in working days: Monday to Friday.</summary>
    public static IReadOnlyList<DayOfWeek> DefaultWorkingDays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Checks these options.</summary>
    /// <param name="key">The configuration key of this section, e.g. <c>Archive:Deadlines</c>, for the messages.</param>
    /// <returns>One message per problem, naming the configuration key and the fix.</returns>
    public IEnumerable<string> Validate(string key)
    {
        if (ResolveTimeZone(TimeZone, TimeZoneInfo.Utc) is null)
        {
            yield return $"{key}:{nameof(TimeZone)} \"{TimeZone}\" is not a time zone this machine knows; use an IANA id such as \"Europe/Warsaw\", or leave it empty for the machine's zone.";
        }

        if (WorkingDays is { Count: 0 })
        {
            yield return $"{key}:{nameof(WorkingDays)} is empty; list at least one day, e.g. [\"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\"].";
        }

        for (var i = 0; i < (WorkingDays?.Count ?? 0); i++)
        {
            if (ParseDay(WorkingDays![i]) is null)
            {
                yield return $"{key}:{nameof(WorkingDays)}:{i} \"{WorkingDays[i]}\" is not a day of the week; use Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday.";
            }
        }

        for (var i = 0; i < (Holidays?.Count ?? 0); i++)
        {
            if (ParseHoliday(Holidays![i]) is null)
            {
                yield return $"{key}:{nameof(Holidays)}:{i} \"{Holidays[i]}\" is not a date; use yyyy-MM-dd for one day (2026-04-06) or MM-dd for every year (05-01).";
            }
        }

        var rules = EffectiveRules;
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var problem in DeadlineRuleBook.Validate(rules, i, $"{key}:{nameof(Rules)}"))
            {
                yield return problem;
            }
        }
    }

    /// <summary>The configured rules, or the defaults.</summary>
    internal IReadOnlyList<DeadlineRule> EffectiveRules => Rules ?? DefaultRules;

    /// <summary>The business calendar, assuming the options are valid.</summary>
    /// <param name="localZone">The zone when <see cref="TimeZone"/> is empty: the store's clock's.</param>
    internal BusinessCalendar CreateCalendar(TimeZoneInfo localZone)
    {
        var holidays = (Holidays ?? []).Select(ParseHoliday).OfType<(DateOnly? Date, (int, int)? Yearly)>().ToList();
        return new BusinessCalendar(
            ResolveTimeZone(TimeZone, localZone)!,
            WorkingDays?.Select(ParseDay).OfType<DayOfWeek>() ?? DefaultWorkingDays,
            holidays.Select(h => h.Date).OfType<DateOnly>(),
            holidays.Select(h => h.Yearly).OfType<(int, int)>());
    }

    /// <summary>The zone named (<paramref name="localZone"/> when empty), or null when the name is unknown.</summary>
    internal static TimeZoneInfo? ResolveTimeZone(string? id, TimeZoneInfo localZone) =>
        string.IsNullOrWhiteSpace(id) ? localZone : TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    private static DayOfWeek? ParseDay(string? name) =>
        Enum.TryParse<DayOfWeek>(name?.Trim(), ignoreCase: true, out var day) && !int.TryParse(name, out _) ? day : null;

    private static (DateOnly? Date, (int Month, int Day)? Yearly)? ParseHoliday(string? text)
    {
        var value = text?.Trim() ?? "";
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, null);
        }

        // Parsed inside a leap year so that 02-29 is accepted; it then applies in leap years only.
        return DateOnly.TryParseExact("2024-" + value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var yearly) && value.Length == 5
            ? (null, (yearly.Month, yearly.Day))
            : null;
    }
}
