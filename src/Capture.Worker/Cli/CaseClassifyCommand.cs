using System.CommandLine;
using Archive.Store.Cases;
using Capture.Worker.Pipeline;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture case classify REG CATEGORY [--by NAME] [--note TEXT]</c>: a person sets a case's category (deciding a
/// triage case or correcting the classifier). The decision is kept as a training example for <c>capture train</c>, and
/// the case is searchable under its new category at once.
/// </summary>
internal static class CaseClassifyCommand
{
    private static readonly Dictionary<string, CaseCategory> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["complaint"] = CaseCategory.Complaint,
        ["suggestion"] = CaseCategory.Suggestion,
        ["thanks"] = CaseCategory.Thanks,
    };

    public static Command Create(GlobalOptions global, CliConsole console) => CaseDecisionCommand.Create(global, console, new CaseDecisionCommand.Definition<CaseCategory>(
        "classify",
        "Set a case's category by a person's decision; it is kept as a training example.",
        "category",
        Categories,
        (store, registrationNumber, category, by, note) => store.Reclassify(registrationNumber, category, by, note),
        updated => ArchiveVocabulary.Word(updated.Category)));
}
