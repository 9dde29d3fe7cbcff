using Archive.Store.Cases;
using Archive.Store.Deadlines;
using Capture.Web.Hosting;

namespace Capture.Web.Queues;

/// <summary>
/// The work lists over the archive: a handler's own open cases by urgency, the cases waiting for triage, and the
/// supervisor's queue of every open case with each handler's load.
/// </summary>
internal static class CaseQueues
{
    /// <summary>The word the queue's handler filter uses for cases nobody handles.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>The statuses of open cases, which the queue's status filter takes.</summary>
    public static IReadOnlyList<string> OpenStatuses { get; } =
        [.. Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed).Select(ArchiveWords.Word)];

    public static WorkList Work(ArchiveStore store, string login, DateTimeOffset now) =>
        new(login, QueueRow.ByUrgency(store.ListOpenCasesOf(login), now));

    public static TriageList Triage(ArchiveStore store, DateTimeOffset now) =>
        new([.. store.ListUnclassifiedCases().Select(record => QueueRow.From(record, now))]);

    /// <summary>The open cases by urgency, narrowed to a handler (or <see cref="Unassigned"/>) and a status, with every handler's load.</summary>
    /// <param name="store">The archive.</param>
    /// <param name="web">The web's users: those with the handler role are listed in the load even with no open case.</param>
    /// <param name="roster">The assignment roster: its people are listed in the load too, whether or not they can sign in.</param>
    /// <param name="handler">The handler filter, or null.</param>
    /// <param name="status">The status filter, or null.</param>
    /// <param name="now">The clock's now.</param>
    /// <returns>The queue, or the problem with the filter (a status that is not an open one).</returns>
    public static (QueueView? Queue, string? Problem) Queue(ArchiveStore store, WebOptions web, IAssignmentRoster roster, string? handler, string? status, DateTimeOffset now)
    {
        handler = string.IsNullOrWhiteSpace(handler) ? null : handler.Trim();
        status = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToLowerInvariant();
        if (status is not null && !OpenStatuses.Contains(status))
        {
            return (null, $"'{status}' is not the status of an open case; use one of {string.Join(", ", OpenStatuses)}.");
        }

        var open = store.ListOpenCases();
        var rows = QueueRow.ByUrgency(open, now);
        var shown = rows
            .Where(row => handler is null || string.Equals(row.Handler ?? Unassigned, handler, StringComparison.OrdinalIgnoreCase))
            .Where(row => status is null || row.Status == status)
            .ToList();
        return (new QueueView(handler, status, shown, Loads(rows, web, roster)), null);
    }

    /// <summary>
    /// Open cases per handler, every person of the roster and every handler of <c>Web:Users</c> included (with no
    /// open case, a load of zero), the most loaded first; nobody's cases last.
    /// </summary>
    private static List<HandlerLoadView> Loads(IReadOnlyList<QueueRow> open, WebOptions web, IAssignmentRoster roster)
    {
        var handlers = roster.Logins
            .Concat(web.Users
                .Where(user => user.Roles.Any(role => string.Equals(role.Trim(), WebRoles.Handler, StringComparison.OrdinalIgnoreCase)))
                .Select(user => user.Login.Trim()))
            .Concat(open.Select(row => row.Handler).OfType<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var loads = handlers
            .Select(login => Load(login, open.Where(row => string.Equals(row.Handler, login, StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(load => load.Open)
            .ThenBy(load => load.Handler, StringComparer.Ordinal)
            .ToList();
        var nobody = open.Where(row => row.Handler is null).ToList();
        if (nobody.Count > 0)
        {
            loads.Add(Load(Unassigned, nobody));
        }

        return loads;
    }

    private static HandlerLoadView Load(string handler, IEnumerable<QueueRow> rows)
    {
        var list = rows.ToList();
        return new HandlerLoadView(
            handler,
            list.Count,
            list.Count(row => row.Status != ArchiveWords.Word(CaseStatus.PendingOnCustomer)),
            list.Count(row => row.DeadlineStanding == ArchiveWords.Word(DeadlineStanding.AtRisk)),
            list.Count(row => row.DeadlineStanding == ArchiveWords.Word(DeadlineStanding.Missed)));
    }
}

/// <summary>A handler's open cases, most urgent first (<c>GET /api/work</c>).</summary>
public sealed record WorkList(string Handler, IReadOnlyList<QueueRow> Cases);

/// <summary>The cases whose category was not decided, oldest first (<c>GET /api/triage</c>).</summary>
public sealed record TriageList(IReadOnlyList<QueueRow> Cases);

/// <summary>Every open case by urgency as filtered, and each handler's load (<c>GET /api/queue</c>).</summary>
public sealed record QueueView(string? Handler, string? Status, IReadOnlyList<QueueRow> Cases, IReadOnlyList<HandlerLoadView> Handlers);

/// <summary>How many open cases a handler holds, how many wait for the company, and how many deadlines are at risk or missed.</summary>
public sealed record HandlerLoadView(string Handler, int Open, int WaitingForCompany, int AtRisk, int Missed);
