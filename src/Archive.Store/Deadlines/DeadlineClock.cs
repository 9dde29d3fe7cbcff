using System.Globalization;
using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Storage;

namespace Archive.Store.Deadlines;

/// <summary>
/// Keeps each case's <see cref="CaseDeadline"/> right through its life: started when the case opens, paused while the
/// case is pending on the customer and resumed (the due moment moving later by the paused time, counted in the rule's
/// days) when it returns to the company, stopped when it closes, started afresh when a closed case reopens, and given the
/// new category's rule, keeping the time already used, when the case is reclassified. After every change the case's
/// <see cref="CaseRecord.NextAlertAt"/> is recomputed (<see cref="CaseAlertSchedule"/>). The caller holds the store's
/// lock, inside the transaction that saves the case.
/// </summary>
internal sealed class DeadlineClock(DeadlineRuleBook rules, BusinessCalendar businessDays, ArchiveDatabase database)
{
    private readonly BusinessCalendar _calendarDays = BusinessCalendar.EveryDay(businessDays.TimeZone);

    /// <summary>The zone whose midnights bound the deadlines' days.</summary>
    public TimeZoneInfo TimeZone => businessDays.TimeZone;

    public static DeadlineClock Create(DeadlineOptions options, TimeZoneInfo localZone, ArchiveDatabase database) =>
        new(new DeadlineRuleBook(options.EffectiveRules), options.CreateCalendar(localZone), database);

    /// <summary>Gives a new case its deadline, counting from <paramref name="startedAt"/> (the letter's arrival).</summary>
    public void Start(CaseRecord caseRecord, DateTimeOffset startedAt)
    {
        caseRecord.Deadline = new CaseDeadline { StartedAt = startedAt.ToUniversalTime() };
        SetRule(caseRecord.Deadline, rules.Choose(caseRecord));
        Recompute(caseRecord.Deadline);
        CaseAlertSchedule.Refresh(caseRecord, database);
    }

    /// <summary>Follows a status move the case has just made from <paramref name="from"/>; returns what to record in its history, if anything.</summary>
    public DeadlineChange? AfterMove(CaseRecord caseRecord, CaseStatus from, DateTimeOffset now)
    {
        var change = Move(caseRecord, from, now.ToUniversalTime());
        CaseAlertSchedule.Refresh(caseRecord, database);
        return change;
    }

    /// <summary>Gives a reclassified case the rule of its new category, keeping the time already used; returns what to record, if the rule changed.</summary>
    public DeadlineChange? AfterReclassify(CaseRecord caseRecord, DateTimeOffset now)
    {
        if (caseRecord.Deadline is null && caseRecord.Status == CaseStatus.Closed)
        {
            return null;
        }

        var deadline = caseRecord.Deadline ?? Legacy(caseRecord, caseRecord.Status, now.ToUniversalTime());
        var rule = rules.Choose(caseRecord);
        if (rule?.Describe() == deadline.Rule && (rule?.Days ?? 0) == deadline.Days)
        {
            return null;
        }

        var before = deadline.Rule ?? "no rule";
        SetRule(deadline, rule);
        Recompute(deadline);
        if (deadline.PausedSince is { } since)
        {
            deadline.UsedBeforePause = deadline.Days == 0 ? null : Used(deadline, since);
        }

        CaseAlertSchedule.Refresh(caseRecord, database);
        return new DeadlineChange(CaseEventKinds.DeadlineSet, deadline.DueAt is { } due
            ? $"Deadline {deadline.Rule}, counted from {Format(deadline.StartedAt)}: due {Format(due)} (was {before})."
            : $"No deadline ({deadline.Rule ?? "no rule matches"}; was {before}).");
    }

    /// <summary>The time the case has used of its deadline at <paramref name="at"/>, in the deadline's days (pauses excluded).</summary>
    public TimeSpan Used(CaseDeadline deadline, DateTimeOffset at)
    {
        var calendar = Calendar(deadline);
        var countFrom = CountFrom(deadline, calendar);
        var open = deadline.PausedSince is { } since ? calendar.Elapsed(Max(since, countFrom), at) : TimeSpan.Zero;
        var used = calendar.Elapsed(countFrom, at) - Paused(deadline, calendar, countFrom) - open;
        return used > TimeSpan.Zero ? used : TimeSpan.Zero;
    }

    private DeadlineChange? Move(CaseRecord caseRecord, CaseStatus from, DateTimeOffset now)
    {
        var to = caseRecord.Status;
        if (from == CaseStatus.Closed && to == CaseStatus.Reopened)
        {
            Start(caseRecord, now);
            return caseRecord.Deadline!.DueAt is { } due
                ? new DeadlineChange(CaseEventKinds.DeadlineSet, $"Deadline started afresh on reopening, {caseRecord.Deadline.Rule}: due {Format(due)}.")
                : null;
        }

        if (caseRecord.Deadline is null && to == CaseStatus.Closed)
        {
            return null;
        }

        var deadline = caseRecord.Deadline ?? Legacy(caseRecord, from, now);
        if (deadline.StoppedAt is not null)
        {
            return null;
        }

        if (to == CaseStatus.Closed)
        {
            EndPause(deadline, now);
            Recompute(deadline);
            deadline.StoppedAt = now;
            return null;
        }

        if (!CaseLifecycle.CustomerWaits(to))
        {
            return deadline.PausedSince is null ? Pause(deadline, now) : null;
        }

        return deadline.PausedSince is { } pausedSince ? Resume(deadline, pausedSince, now) : null;
    }

    private DeadlineChange? Pause(CaseDeadline deadline, DateTimeOffset now)
    {
        deadline.PausedSince = now;
        if (deadline.Days == 0)
        {
            return null;
        }

        deadline.UsedBeforePause = Used(deadline, now);
        return new DeadlineChange(CaseEventKinds.DeadlinePaused,
            $"Deadline clock paused while the customer owes an answer: {DayCount(deadline.UsedBeforePause.Value)} of {deadline.Days} {Unit(deadline)} used.");
    }

    private DeadlineChange? Resume(CaseDeadline deadline, DateTimeOffset pausedSince, DateTimeOffset now)
    {
        var calendar = Calendar(deadline);
        var paused = calendar.Elapsed(Max(pausedSince, CountFrom(deadline, calendar)), now);
        var before = deadline.DueAt;
        EndPause(deadline, now);
        Recompute(deadline);
        return deadline.DueAt is { } due && before is { } was
            ? new DeadlineChange(CaseEventKinds.DeadlineResumed, $"Deadline clock resumed after {DayCount(paused)} {Unit(deadline)} paused: due {Format(due)} (was {Format(was)}).")
            : null;
    }

    private static void EndPause(CaseDeadline deadline, DateTimeOffset now)
    {
        if (deadline.PausedSince is { } since)
        {
            deadline.Pauses.Add(new DeadlinePause { From = since, To = now });
        }

        deadline.PausedSince = null;
        deadline.UsedBeforePause = null;
    }

    private static void SetRule(CaseDeadline deadline, DeadlineRule? rule)
    {
        deadline.Rule = rule?.Describe();
        deadline.Counting = rule?.Counting ?? DeadlineCounting.BusinessDays;
        deadline.Days = rule?.Days ?? 0;
        deadline.AtRiskFraction = rule?.AtRiskFraction ?? 0;
    }

    /// <summary>
    /// Sets the due and at-risk moments from the clock's start and finished pauses: the allowance runs from the midnight
    /// after the start, and every pause adds the time it lasted (in the rule's days) to both.
    /// </summary>
    private void Recompute(CaseDeadline deadline)
    {
        if (deadline.Days == 0)
        {
            deadline.DueAt = null;
            deadline.AtRiskAt = null;
            return;
        }

        var calendar = Calendar(deadline);
        var countFrom = CountFrom(deadline, calendar);
        var paused = Paused(deadline, calendar, countFrom);
        var allowance = deadline.Days * BusinessCalendar.Day;
        deadline.DueAt = calendar.Add(countFrom, allowance + paused);
        deadline.AtRiskAt = calendar.Add(countFrom, (allowance * deadline.AtRiskFraction) + paused);
    }

    /// <summary>
    /// Gives a case opened before deadlines existed its clock, counting from the letter's arrival; its earlier pauses are
    /// unknown, so one pending on the customer (<paramref name="status"/>) is taken as paused from now.
    /// </summary>
    private CaseDeadline Legacy(CaseRecord caseRecord, CaseStatus status, DateTimeOffset now)
    {
        Start(caseRecord, caseRecord.ReceivedAt);
        var deadline = caseRecord.Deadline!;
        if (status == CaseStatus.PendingOnCustomer)
        {
            Pause(deadline, now);
        }

        return deadline;
    }

    private BusinessCalendar Calendar(CaseDeadline deadline) =>
        deadline.Counting == DeadlineCounting.CalendarDays ? _calendarDays : businessDays;

    // The day the clock starts on does not count: the allowance runs from the following midnight.
    private static DateTimeOffset CountFrom(CaseDeadline deadline, BusinessCalendar calendar) =>
        calendar.StartOfDay(calendar.LocalDate(deadline.StartedAt).AddDays(1));

    private static TimeSpan Paused(CaseDeadline deadline, BusinessCalendar calendar, DateTimeOffset countFrom) =>
        deadline.Pauses.Aggregate(TimeSpan.Zero, (sum, pause) => sum + calendar.Elapsed(Max(pause.From, countFrom), pause.To));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static string Unit(CaseDeadline deadline) => deadline.Counting == DeadlineCounting.BusinessDays ? "business days" : "days";

    private static string DayCount(TimeSpan time) => time.TotalDays.ToString("0.##", CultureInfo.InvariantCulture);

    private string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, businessDays.TimeZone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
