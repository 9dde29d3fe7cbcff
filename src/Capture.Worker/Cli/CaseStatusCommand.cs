using System.CommandLine;
using Archive.Store;
using Archive.Store.Cases;
using Capture.Worker.Pipeline;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture case status REG STATUS [--by NAME] [--note TEXT]</c>: a person moves a case along its lifecycle (not
/// started → pending on company ⇄ pending on customer → closed, reopened). Moves the lifecycle does not allow are
/// refused with the allowed ones; the history records who and why, and the case is searchable under its new status at once.
/// </summary>
internal static class CaseStatusCommand
{
    public static Command Create(GlobalOptions global, CliConsole console) => CaseDecisionCommand.Create(global, console, new CaseDecisionCommand.Definition<CaseStatus>(
        "status",
        "Move a case to another status (only moves the lifecycle allows); recorded in its history.",
        "status",
        ArchiveWords.Statuses,
        (store, registrationNumber, status, by, note) => store.ChangeStatus(registrationNumber, status, by, note),
        updated => ArchiveVocabulary.Word(updated.Status)));
}
