using System.Globalization;

namespace Capture.Worker.Cases.Assignment;

/// <summary>
/// The people who handle cases and their teams (configuration section <c>Roster</c>). Cases are assigned to logins;
/// alerts go to each person's e-mail address; a team's supervisor receives its escalations. Read it through
/// <see cref="CaseRoster"/>.
/// </summary>
public sealed class RosterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Roster";

    /// <summary>Everyone who may handle a case or supervise a team.</summary>
    public List<RosterPersonOptions> People { get; set; } = [];

    /// <summary>The teams: a case given to a team goes to its least-loaded member.</summary>
    public List<RosterTeamOptions> Teams { get; set; } = [];

    /// <summary>The problems with these settings, each naming the key and the fix; empty when they are valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var logins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < People.Count; i++)
        {
            problems.AddRange(PersonProblems(Key($"People:{i}"), People[i], logins));
        }

        var known = KnownLogins();
        var teams = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Teams.Count; i++)
        {
            problems.AddRange(TeamProblems(Key($"Teams:{i}"), Teams[i], teams, known));
        }

        return problems;
    }

    /// <summary>The logins as a person would read them in an error message.</summary>
    internal string KnownLogins() => People.Count == 0
        ? $"none ({SectionName}:{nameof(People)} is empty)"
        : string.Join(", ", People.Select(p => p.Login?.Trim()).Where(l => !string.IsNullOrEmpty(l)));

    /// <summary>The team names as a person would read them in an error message.</summary>
    internal string KnownTeams() => Teams.Count == 0
        ? $"none ({SectionName}:{nameof(Teams)} is empty)"
        : string.Join(", ", Teams.Select(t => t.Name?.Trim()).Where(n => !string.IsNullOrEmpty(n)));

    internal bool HasPerson(string? login) =>
        !string.IsNullOrWhiteSpace(login) && People.Any(p => string.Equals(p.Login?.Trim(), login.Trim(), StringComparison.OrdinalIgnoreCase));

    internal bool HasTeam(string? name) =>
        !string.IsNullOrWhiteSpace(name) && Teams.Any(t => string.Equals(t.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Key(string rest) => $"{SectionName}:{rest}";

    private static IEnumerable<string> PersonProblems(string key, RosterPersonOptions person, HashSet<string> logins)
    {
        var login = person.Login?.Trim();
        if (string.IsNullOrEmpty(login))
        {
            yield return $"{key}:{nameof(RosterPersonOptions.Login)} is empty; give the name cases are assigned to, e.g. \"anna.nowak\".";
        }
        else if (login.Any(char.IsWhiteSpace) || login.Contains(':', StringComparison.Ordinal))
        {
            yield return $"{key}:{nameof(RosterPersonOptions.Login)} '{login}' contains a space or ':'; use letters, digits, '.', '-' or '_' (\"team:NAME\" names a team).";
        }
        else if (!logins.Add(login))
        {
            yield return $"{key}:{nameof(RosterPersonOptions.Login)} '{login}' is used twice; each person needs their own login.";
        }

        var email = person.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            yield return $"{key}:{nameof(RosterPersonOptions.Email)} is empty; give the address their alerts go to, e.g. \"anna.nowak@firma.example\".";
        }
        else if (!MailDomain.IsAddress(email))
        {
            yield return $"{key}:{nameof(RosterPersonOptions.Email)} '{email}' is not an e-mail address; give one such as \"anna.nowak@firma.example\".";
        }

        if (person.Language is { } language && (language.Trim().Length != 2 || !language.Trim().All(char.IsAsciiLetter)))
        {
            yield return $"{key}:{nameof(RosterPersonOptions.Language)} '{language}' is not a two-letter language code; use \"pl\", \"hu\" or \"en\", or leave it out.";
        }
    }

    private IEnumerable<string> TeamProblems(string key, RosterTeamOptions team, HashSet<string> names, string known)
    {
        var name = team.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            yield return $"{key}:{nameof(RosterTeamOptions.Name)} is empty; give the team a name, e.g. \"complaints-pl\".";
        }
        else if (!names.Add(name))
        {
            yield return $"{key}:{nameof(RosterTeamOptions.Name)} '{name}' is used twice; each team needs its own name.";
        }

        if (team.Members.Count == 0)
        {
            yield return $"{key}:{nameof(RosterTeamOptions.Members)} is empty; a team gives each case to its least-loaded member, so list at least one login from {SectionName}:{nameof(People)}.";
        }

        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < team.Members.Count; i++)
        {
            var member = team.Members[i];
            var memberKey = string.Create(CultureInfo.InvariantCulture, $"{key}:{nameof(RosterTeamOptions.Members)}:{i}");
            if (!HasPerson(member))
            {
                yield return $"{memberKey} '{member}' is not in {SectionName}:{nameof(People)}; add them there or remove them from the team. Known logins: {known}.";
            }
            else if (!members.Add(member.Trim()))
            {
                yield return $"{memberKey} '{member}' is listed twice in the team; list each member once.";
            }
        }

        if (team.Supervisor is { } supervisor && !HasPerson(supervisor))
        {
            yield return $"{key}:{nameof(RosterTeamOptions.Supervisor)} '{supervisor}' is not in {SectionName}:{nameof(People)}; add them there (escalations go to their e-mail) or leave it out. Known logins: {known}.";
        }
    }
}

/// <summary>One person of the roster.</summary>
public sealed class RosterPersonOptions
{
    /// <summary>The name cases are assigned to and <c>capture case assign</c> takes, e.g. <c>anna.nowak</c>; compared ignoring case.</summary>
    public string Login { get; set; } = "";

    /// <summary>Where their alerts go.</summary>
    public string Email { get; set; } = "";

    /// <summary>How they are addressed in alerts; defaults to the login.</summary>
    public string? Name { get; set; }

    /// <summary>The language of their alerts (<c>pl</c>, <c>hu</c>, <c>en</c>), if not the default.</summary>
    public string? Language { get; set; }
}

/// <summary>One team of the roster.</summary>
public sealed class RosterTeamOptions
{
    /// <summary>The team's name, as rules and <c>capture case assign team:NAME</c> refer to it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The members' logins; on equal load a case goes to the one listed first.</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>The login of the person who receives the team's escalations (a missed deadline); need not be a member.</summary>
    public string? Supervisor { get; set; }
}
