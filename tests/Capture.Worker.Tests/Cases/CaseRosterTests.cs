using Archive.Store.Cases;
using Capture.Worker.Cases.Assignment;

namespace Capture.Worker.Tests.Cases;

/// <summary>The roster as alerts and <c>capture case assign</c> use it: logins to people and e-mails, cases to supervisors.</summary>
public sealed class CaseRosterTests
{
    private readonly CaseRoster _roster = new(AssignmentSettings.Roster());

    [Fact]
    public void FindPerson_IgnoresCase_AndGivesTheirEmailNameAndLanguage()
    {
        var person = _roster.FindPerson(" ANNA.nowak ")!;

        Assert.Equal(new RosterPerson("anna.nowak", "anna.nowak@firma.example", "Anna Nowak", "pl"), person);
        Assert.Equal("piotr.lis", _roster.FindPerson("piotr.lis")!.Name);
        Assert.Null(_roster.FindPerson("nobody"));
        Assert.Null(_roster.FindPerson(null));
    }

    [Fact]
    public void EmailOf_IsTheRosterAddress_OrTheLoginWhenItIsAnAddress()
    {
        Assert.Equal("peter.toth@firma.example", _roster.EmailOf("Peter.Toth"));
        Assert.Equal("outsider@firma.example", _roster.EmailOf("outsider@firma.example"));
        Assert.Null(_roster.EmailOf("outsider"));
    }

    [Fact]
    public void SupervisorOf_IsTheSupervisorOfTheCasesTeam_OrOfTheHandlersTeam()
    {
        var byTeam = new CaseRecord { Handler = "someone-else", Team = "complaints-hu" };
        var byHandler = new CaseRecord { Handler = "piotr.lis" };
        var noTeam = new CaseRecord { Handler = "ewa.zielinska" };

        Assert.Equal("ewa.zielinska@firma.example", _roster.SupervisorOf(byTeam)!.Email);
        Assert.Equal("complaints-pl", _roster.TeamOf(byHandler)!.Name);
        Assert.Equal("ewa.zielinska", _roster.SupervisorOf(byHandler)!.Login);
        Assert.Null(_roster.SupervisorOf(noTeam));
        Assert.Equal("piotr.lis@firma.example", _roster.HandlerOf(byHandler)!.Email);
    }

    [Fact]
    public void Resolve_ALoginOrATeam_AndRefusesUnknownOnesListingTheKnown()
    {
        var person = _roster.Resolve("Piotr.Lis");
        var team = _roster.Resolve("team:COMPLAINTS-PL");
        var unknown = Assert.Throws<ArgumentException>(() => _roster.Resolve("jan"));
        var unknownTeam = Assert.Throws<ArgumentException>(() => _roster.Resolve("team:sales"));

        Assert.Equal(("piotr.lis", "complaints-pl"), (person.Person, person.Team));
        Assert.Equal(("complaints-pl", null), (team.Team, team.Person));
        Assert.Equal(["anna.nowak", "piotr.lis"], team.Members);
        Assert.Equal("'jan' is not in Roster:People. Known logins: anna.nowak, piotr.lis, peter.toth, ewa.zielinska; or team:NAME for one of: complaints-pl, complaints-hu.", unknown.Message);
        Assert.Equal("There is no team 'sales' in Roster:Teams. Known teams: complaints-pl, complaints-hu.", unknownTeam.Message);
    }

    [Fact]
    public void Resolve_WithoutARoster_TakesAnyLoginAsWritten_ButNoTeam()
    {
        var empty = new CaseRoster(new RosterOptions());

        Assert.Equal("jan.kowalski", empty.Resolve(" jan.kowalski ").Person);
        Assert.Contains("Known teams: none (Roster:Teams is empty)", Assert.Throws<ArgumentException>(() => empty.Resolve("team:x")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidRoster_IsRefusedWithItsProblems()
    {
        var roster = AssignmentSettings.Roster();
        roster.Teams[0].Members.Add("ghost");

        var refused = Assert.Throws<ArgumentException>(() => new CaseRoster(roster));

        Assert.Contains("Roster:Teams:0:Members:2 'ghost'", refused.Message, StringComparison.Ordinal);
    }
}
