namespace Archive.Store.Cases;

/// <summary>
/// The allowed moves between statuses: not started → pending on company ⇄ pending on customer → closed, and
/// reopened when the customer writes to a closed case. Also keeps <see cref="CaseRecord.WaitingSince"/>: the customer
/// waits while the case is not started, pending on the company or reopened, and the clock starts again when they
/// begin to wait after the company waited for them.
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

    /// <summary>
    /// Moves the case (the move must be allowed) and keeps its clocks: the waiting clock, the first response (the first
    /// time the customer stops waiting: a reply, or a person moving the case on) and when it was closed (cleared on reopening).
    /// </summary>
    internal static void Apply(CaseRecord caseRecord, CaseStatus to, DateTimeOffset now)
    {
        var waitedBefore = CustomerWaits(caseRecord.Status);
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
    }
}
