using Archive.Store.Deadlines;

namespace Archive.Store.Cases;

/// <summary>
/// The allowed moves between statuses: not started → pending on company ⇄ pending on customer → closed, and
/// reopened when the customer writes to a closed case. Also keeps <see cref="CaseRecord.WaitingSince"/>: the customer
/// waits while the case is not started, pending on the company or reopened, and the clock starts again when they
/// begin to wait after the company waited for them. Every move goes through <see cref="Apply"/>, which also keeps the
/// case's deadline (<see cref="DeadlineClock"/>), so no caller can move a case and forget its deadline.
/// </summary>
public static class CaseLifecycle
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Moves = new()
    {
        [CaseStatus.NotStarted] = [CaseStatus.PendingOnCompany, CaseStatus.PendingOnCustomer, CaseStatus.Closed],
        [CaseStatus.PendingOnCompany] = [CaseStatus.PendingOnCustomer, CaseStatus.Closed],
        [CaseStatus.PendingOnCustomer] = [CaseStatus.PendingOnCompany, CaseStatus.Closed],
        [CaseStatus.Closed] = [CaseStatus.Reopened],
        [CaseStatus.Reopened] = [CaseStatus.PendingOnCompany, CaseStatus.PendingOnCustomer, CaseStatus.Closed],
    };

    /// <summary>The statuses a case in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<CaseStatus> AllowedFrom(CaseStatus from) => Moves.GetValueOrDefault(from, []);

    /// <summary>True when a case may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(CaseStatus from, CaseStatus to) => AllowedFrom(from).Contains(to);

    /// <summary>Where a customer's new message puts the case: the company owes them an answer (a closed case reopens).</summary>
    public static CaseStatus AfterCustomerMessage(CaseStatus current) => current switch
    {
        CaseStatus.NotStarted or CaseStatus.PendingOnCustomer => CaseStatus.PendingOnCompany,
        CaseStatus.Closed => CaseStatus.Reopened,
        _ => current,
    };

    /// <summary>Where a reply from the company to the customer puts the case: the company waits for them (a closed case stays closed).</summary>
    public static CaseStatus AfterCompanyReply(CaseStatus current) => current switch
    {
        CaseStatus.NotStarted or CaseStatus.PendingOnCompany or CaseStatus.Reopened => CaseStatus.PendingOnCustomer,
        _ => current,
    };

    /// <summary>Where a message by <paramref name="author"/> puts a case in <paramref name="current"/>.</summary>
    public static CaseStatus AfterMessage(MessageAuthor author, CaseStatus current) =>
        author == MessageAuthor.Company ? AfterCompanyReply(current) : AfterCustomerMessage(current);

    /// <summary>True while the customer waits for the company.</summary>
    public static bool CustomerWaits(CaseStatus status) =>
        status is CaseStatus.NotStarted or CaseStatus.PendingOnCompany or CaseStatus.Reopened;

    /// <summary>Whole days the customer has been waiting for the company at <paramref name="now"/>; null when they are not waiting.</summary>
    /// <param name="caseRecord">The case.</param>
    /// <param name="now">The moment to count to.</param>
    /// <returns>The days, never negative.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseRecord"/> is null.</exception>
    public static int? DaysWaiting(CaseRecord caseRecord, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        return caseRecord.WaitingSince is { } since ? Math.Max(0, (int)(now - since).TotalDays) : null;
    }

    /// <summary>
    /// Moves the case (the move must be allowed) and keeps its clocks: the waiting clock, the deadline, the first response
    /// (the first time the customer stops waiting: a reply, or a person moving the case on) and when it was closed (cleared
    /// on reopening). Returns what the move did to the deadline for the history (record it after the status event).
    /// </summary>
    internal static DeadlineChange? Apply(CaseRecord caseRecord, CaseStatus to, DateTimeOffset now, DeadlineClock deadlines)
    {
        var from = caseRecord.Status;
        var waitedBefore = CustomerWaits(from);
        caseRecord.Status = to;
        caseRecord.UpdatedAt = now;
        caseRecord.ClosedAt = to == CaseStatus.Closed ? now : null;
        if (waitedBefore && !CustomerWaits(to))
        {
            caseRecord.FirstResponseAt ??= now;
        }

        if (!CustomerWaits(to))
        {
            caseRecord.WaitingSince = null;
        }
        else if (!waitedBefore || caseRecord.WaitingSince is null)
        {
            caseRecord.WaitingSince = now;
        }

        return deadlines.AfterMove(caseRecord, from, now);
    }
}
