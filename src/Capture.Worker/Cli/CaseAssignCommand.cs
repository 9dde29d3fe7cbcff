using System.CommandLine;
using Archive.Store.Cases;
using Capture.Worker.Cases.Assignment;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture case assign REG USER [--by NAME] [--note TEXT] [--json]</c>: a person gives a case to someone else. USER
/// is a login from <c>Roster:People</c>, or <c>team:NAME</c> for the team's least-loaded member (chosen by the store, as at
/// capture). An unknown login is refused with the known ones; with no roster configured any login is taken as written.
/// The history records from whom to whom, who decided and why, and <c>handler:LOGIN</c> finds the case at once.
/// </summary>
internal static class CaseAssignCommand
{
    public static Command Create(GlobalOptions global, CliConsole console) => CaseDecisionCommand.Create(global, console, new CaseDecisionCommand.Definition<CaseAssignee>(
        "assign",
        "Give a case to a person, or to a team's least-loaded member (team:NAME); recorded in its history.",
        "user",
        new Dictionary<string, CaseAssignee>(),
        (store, registrationNumber, assignee, by, note) => store.AssignCase(registrationNumber, assignee, by, note),
        updated => $"assigned to {updated.Handler}" + (updated.Team is { } team ? $" (team {team})" : ""))
    {
        Resolve = (services, user) => services.GetRequiredService<CaseRoster>().Resolve(user),
        ValueDescription = "A login from Roster:People, or team:NAME for the team's least-loaded member.",
    });
}
