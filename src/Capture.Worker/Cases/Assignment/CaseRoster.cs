using Archive.Store.Cases;
using Capture.Web.Queues;
namespace Capture.Worker.Cases.Assignment;

/// <summary>A person of the roster: who a case is assigned to and where their alerts go.</summary>
/// <param name="Login">The login stored as <see cref="CaseRecord.Handler"/>, spelt as configured.</param>
/// <param name="Email">Where their alerts go.</param>
/// <param name="Name">How they are addressed (the login when no name is configured).</param>
/// <param name="Language">The language of their alerts, if configured.</param>
public sealed record RosterPerson(string Login, string Email, string Name, string? Language);

/// <summary>A team of the roster.</summary>
/// <param name="Name">The team's name, stored as <see cref="CaseRecord.Team"/>.</param>
/// <param name="Members">The members, in the configured order (the last tie-break of the least-loaded choice).</param>
/// <param name="Supervisor">Who receives the team's escalations, if configured.</param>
public sealed record RosterTeam(string Name, IReadOnlyList<RosterPerson> Members, RosterPerson? Supervisor);

/// <summary>
/// The roster (<see cref="RosterOptions"/>) as the rest of the worker uses it: a login to the person and their e-mail, a
/// case to its handler and its team's supervisor, and what a person typed for <c>capture case assign</c> to an
/// assignee. Logins and team names are matched ignoring case; what is stored on cases is the configured spelling.
/// </summary>
public sealed class CaseRoster : IAssignmentRoster
{
    /// <summary>The prefix that makes <c>capture case assign</c> take a team instead of a person.</summary>
    public const string TeamPrefix = "team:";

    private readonly RosterOptions _options;
    private readonly Dictionary<string, RosterPerson> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RosterTeam> _teams = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the roster from settings.</summary>
    /// <param name="options">The roster settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem with its key.</exception>
    public CaseRoster(RosterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid roster: " + string.Join(" ", problems), nameof(options));
        }

        _options = options;
        People = [.. options.People.Select(p => new RosterPerson(
            p.Login.Trim(),
            p.Email.Trim(),
            string.IsNullOrWhiteSpace(p.Name) ? p.Login.Trim() : p.Name.Trim(),
            string.IsNullOrWhiteSpace(p.Language) ? null : p.Language.Trim().ToLowerInvariant()))];
        foreach (var person in People)
        {
            _people.Add(person.Login, person);
        }

        Logins = [.. People.Select(person => person.Login)];

        Teams = [.. options.Teams.Select(t => new RosterTeam(
            t.Name.Trim(),
            [.. t.Members.Select(m => _people[m.Trim()])],
            t.Supervisor is { } supervisor ? _people[supervisor.Trim()] : null))];
        foreach (var team in Teams)
        {
            _teams.Add(team.Name, team);
        }
    }

    /// <summary>Everyone, in the configured order.</summary>
    public IReadOnlyList<RosterPerson> People { get; }

    /// <summary>Everyone's login, in the configured order: whom the web's queue shows a load for, signing in or not.</summary>
    public IReadOnlyList<string> Logins { get; }

    /// <summary>The teams, in the configured order.</summary>
    public IReadOnlyList<RosterTeam> Teams { get; }

    /// <summary>True when no people are configured: then any login is taken as it is written.</summary>
    public bool IsEmpty => People.Count == 0;

    /// <summary>The person with this login (ignoring case and surrounding white space).</summary>
    /// <param name="login">A login, e.g. a case's <see cref="CaseRecord.Handler"/>.</param>
    /// <returns>The person, or null when the login is null or not on the roster.</returns>
    public RosterPerson? FindPerson(string? login) =>
        login is not null && _people.TryGetValue(login.Trim(), out var person) ? person : null;

    /// <summary>The team with this name (ignoring case and surrounding white space).</summary>
    /// <param name="name">A team name, e.g. a case's <see cref="CaseRecord.Team"/>.</param>
    /// <returns>The team, or null.</returns>
    public RosterTeam? FindTeam(string? name) =>
        name is not null && _teams.TryGetValue(name.Trim(), out var team) ? team : null;

    /// <summary>The first team (in configured order) that lists <paramref name="login"/> as a member.</summary>
    /// <param name="login">The login.</param>
    /// <returns>The team, or null when they belong to none.</returns>
    public RosterTeam? TeamOf(string? login) => FindPerson(login) is { } person
        ? Teams.FirstOrDefault(t => t.Members.Contains(person))
        : null;

    /// <summary>Where alerts about <paramref name="login"/>'s cases go: their roster e-mail, or the login itself when it is an e-mail address (cases assigned without a roster).</summary>
    /// <param name="login">A handler's or supervisor's login.</param>
    /// <returns>The address, or null when there is none.</returns>
    public string? EmailOf(string? login) => FindPerson(login)?.Email
        ?? (login is not null && MailDomain.IsAddress(login.Trim()) ? login.Trim() : null);

    /// <summary>The person handling the case, if it is assigned to someone on the roster.</summary>
    /// <param name="caseRecord">The case.</param>
    /// <returns>The handler, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseRecord"/> is null.</exception>
    public RosterPerson? HandlerOf(CaseRecord caseRecord)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        return FindPerson(caseRecord.Handler);
    }

    /// <summary>The case's team: <see cref="CaseRecord.Team"/>, or else the handler's first team.</summary>
    /// <param name="caseRecord">The case.</param>
    /// <returns>The team, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseRecord"/> is null.</exception>
    public RosterTeam? TeamOf(CaseRecord caseRecord)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        return FindTeam(caseRecord.Team) ?? TeamOf(caseRecord.Handler);
    }

    /// <summary>Who a missed deadline on the case escalates to: the supervisor of <see cref="TeamOf(CaseRecord)"/>.</summary>
    /// <param name="caseRecord">The case.</param>
    /// <returns>The supervisor, or null when the case has no team or its team no supervisor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseRecord"/> is null.</exception>
    public RosterPerson? SupervisorOf(CaseRecord caseRecord) => TeamOf(caseRecord)?.Supervisor;

    /// <summary>A case for <paramref name="person"/>, in their first team.</summary>
    /// <param name="person">The person.</param>
    /// <returns>The assignee for the store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="person"/> is null.</exception>
    public CaseAssignee AssigneeFor(RosterPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return CaseAssignee.ToPerson(person.Login, TeamOf(person.Login)?.Name);
    }

    /// <summary>A case for the least-loaded member of <paramref name="team"/>.</summary>
    /// <param name="team">The team.</param>
    /// <returns>The assignee for the store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="team"/> is null.</exception>
    public static CaseAssignee AssigneeFor(RosterTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return CaseAssignee.ToTeam(team.Name, [.. team.Members.Select(m => m.Login)]);
    }

    /// <summary>
    /// What a person typed for <c>capture case assign</c>: a login, or <c>team:NAME</c> for the team's least-loaded
    /// member. With no people configured, any login is taken as written (teams then do not exist).
    /// </summary>
    /// <param name="user">The login or <c>team:NAME</c>.</param>
    /// <returns>The assignee for the store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is null.</exception>
    /// <exception cref="ArgumentException">The login or team is blank or not on the roster; the message lists the known ones.</exception>
    public CaseAssignee Resolve(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var text = user.Trim();
        if (text.StartsWith(TeamPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = text[TeamPrefix.Length..];
            return FindTeam(name) is { } team
                ? AssigneeFor(team)
                : throw new ArgumentException($"There is no team '{name}' in {RosterOptions.SectionName}:{nameof(RosterOptions.Teams)}. Known teams: {_options.KnownTeams()}.");
        }

        if (text.Length == 0)
        {
            throw new ArgumentException("Give a login, or team:NAME for a team's least-loaded member.");
        }

        if (FindPerson(text) is { } person)
        {
            return AssigneeFor(person);
        }

        return IsEmpty
            ? CaseAssignee.ToPerson(text)
            : throw new ArgumentException($"'{text}' is not in {RosterOptions.SectionName}:{nameof(RosterOptions.People)}. Known logins: {_options.KnownLogins()}; or team:NAME for one of: {_options.KnownTeams()}.");
    }
}
