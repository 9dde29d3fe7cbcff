using Archive.Store.Storage;

namespace Archive.Store.Cases;

/// <summary>
/// Chooses a case's handler: the named person, or the member of a team with the fewest open cases, ties going to the
/// member listed first. The caller holds the store's lock and is inside the transaction that writes the choice, so the
/// counts it reads include every case opened before (also earlier in the same group commit) and no other capture can
/// choose from the same counts at the same time.
/// </summary>
/// <remarks>
/// Open cases are counted from the <see cref="CaseRecord.HandlerLoad"/> index without reading the cases. Ties are not
/// broken by cases handled in total: that count grows with the archive's whole history and would make every capture
/// slower year by year (about 0.3 s per capture at 60,000 cases), while equal open counts broken by roster order
/// already take turns, because the member who got the case has one more open case at the next choice.
/// </remarks>
internal sealed class CaseAssignments(ArchiveDatabase database)
{
    /// <summary>Who gets the case, and a phrase for its history.</summary>
    public AssignmentChoice Choose(CaseAssignee assignee)
    {
        if (assignee.Person is { } person)
        {
            return new AssignmentChoice(person, assignee.Team, assignee.Team is { } team ? $"{person} (team {team})" : person);
        }

        var least = assignee.Members
            .Select((login, position) => (Login: login, Open: OpenCases(login), Position: position))
            .OrderBy(x => x.Open)
            .ThenBy(x => x.Position)
            .First();
        return new AssignmentChoice(least.Login, assignee.Team,
            $"{least.Login}, the least-loaded member of team {assignee.Team} ({least.Open} open case(s) before)");
    }

    /// <summary>Each login's open and total cases, in the order given.</summary>
    public IReadOnlyList<HandlerWorkload> Workload(IEnumerable<string> logins) => logins
        .Select(login => (Login: login, Open: OpenCases(login)))
        .Select(load => new HandlerWorkload(load.Login, load.Open, load.Open + database.CountByHandlerLoad(load.Login + CaseRecord.ClosedLoadSuffix)))
        .ToList();

    private int OpenCases(string login) => database.CountByHandlerLoad(login + CaseRecord.OpenLoadSuffix);
}

/// <summary>The handler chosen for a case, their team, and how the choice reads in the history.</summary>
internal sealed record AssignmentChoice(string Handler, string? Team, string Description);
