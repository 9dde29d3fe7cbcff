namespace Archive.Store.Cases;

/// <summary>
/// Who a case is to be given to: a person by login, or a team, in which case the store gives it to the team's
/// least-loaded member (see <see cref="ArchiveStore.AssignCase"/>). The store knows no roster: the caller (the worker's
/// assignment rules or <c>capture case assign</c>) resolves names against its configuration and passes the candidates.
/// </summary>
/// <remarks>
/// The team's member is chosen inside the store's lock and transaction rather than by the caller, because the
/// choice depends on how many open cases each member has: two captures choosing at the same time outside the lock
/// would both see the same counts and give both cases to the same person.
/// </remarks>
public sealed record CaseAssignee
{
    private CaseAssignee(string? person, string? team, IReadOnlyList<string> members)
    {
        Person = person;
        Team = team;
        Members = members;
    }

    /// <summary>The person's login when the case goes to a named person; null when it goes to a team's least-loaded member.</summary>
    public string? Person { get; }

    /// <summary>The team the case belongs to (for a person: their team, if they have one), kept on the case so that a missed deadline escalates to its supervisor.</summary>
    public string? Team { get; }

    /// <summary>For a team: the members who may receive the case, in roster order (the last tie-break); empty for a person.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>Gives the case to a person.</summary>
    /// <param name="login">The person's login, as the roster spells it.</param>
    /// <param name="team">Their team, if any.</param>
    /// <returns>The assignee.</returns>
    /// <exception cref="ArgumentException"><paramref name="login"/> is null or blank.</exception>
    public static CaseAssignee ToPerson(string login, string? team = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        return new CaseAssignee(login.Trim(), string.IsNullOrWhiteSpace(team) ? null : team.Trim(), []);
    }

    /// <summary>Gives the case to the member of <paramref name="team"/> with the fewest open cases.</summary>
    /// <param name="team">The team's name.</param>
    /// <param name="members">The members' logins in roster order; ties of load go to the earlier one.</param>
    /// <returns>The assignee.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="team"/> is blank, or <paramref name="members"/> is empty or holds a blank login.</exception>
    public static CaseAssignee ToTeam(string team, IReadOnlyList<string> members)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(team);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0 || members.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Team '{team}' needs at least one member, and no blank login, to receive a case.", nameof(members));
        }

        return new CaseAssignee(null, team.Trim(), [.. members.Select(m => m.Trim()).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary><c>login</c>, or <c>team:NAME</c>, as a person would type it for <c>capture case assign</c>.</summary>
    public override string ToString() => Person ?? $"team:{Team}";
}
