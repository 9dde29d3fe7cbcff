using Archive.Store.Storage;

namespace Archive.Store.Cases;

/// <summary>
/// Chooses a case's handler: the named person, or the member of a team with the fewest open cases, ties going to the
/// one with the fewest cases in total, then to the one listed first. The caller holds the store's lock and is inside
/// the transaction that writes the choice, so the counts it reads include every case opened before (also earlier in
/// the same group commit) and no other capture can choose from the same counts at the same time.
/// </summary>
internal sealed class CaseAssignments(ArchiveDatabase database)
{
    /// <summary>Who gets the case, and a phrase for its history.</summary>
    public AssignmentChoice Choose(CaseAssignee assignee)
    {
        if (assignee.Person is { } person)
        {
            return new AssignmentChoice(person, assignee.Team, assignee.Team is { } team ? $"{person} (team {team})" : person);
        }

        var least = Workload(assignee.Members)
            .Select((load, position) => (Load: load, Position: position))
            .OrderBy(x => x.Load.OpenCases)
            .ThenBy(x => x.Load.TotalCases)
            .ThenBy(x => x.Position)
            .First().Load;
        return new AssignmentChoice(least.Login, assignee.Team,
            $"{least.Login}, the least-loaded member of team {assignee.Team} ({least.OpenCases} open case(s) before)");
    }

    /// <summary>Each login's open and total cases, in the order given.</summary>
    public IReadOnlyList<HandlerWorkload> Workload(IEnumerable<string> logins) => logins
        .Select(login => new HandlerWorkload(
            login,
            database.Cases.Count(c => c.Handler == login && c.Status != CaseStatus.Closed),
            database.Cases.Count(c => c.Handler == login)))
        .ToList();
}

/// <summary>The handler chosen for a case, their team, and how the choice reads in the history.</summary>
internal sealed record AssignmentChoice(string Handler, string? Team, string Description);
