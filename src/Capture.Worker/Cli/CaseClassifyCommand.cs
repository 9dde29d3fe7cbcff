using System.CommandLine;
using Archive.Store;
using Archive.Store.Cases;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture case classify REG CATEGORY [--by NAME] [--note TEXT]</c>: a person sets a case's category (deciding a
/// triage case or correcting the classifier). The decision is kept as a training example for <c>capture train</c>, and
/// the case is searchable under its new category at once.
/// </summary>
internal static class CaseClassifyCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var registration = new Argument<string>("registration-number") { Description = "The case's registration number, e.g. C-2026-000123." };
        var category = new Argument<string>("category") { Description = "complaint, suggestion or thanks." };
        category.AcceptOnlyFromAmong("complaint", "suggestion", "thanks");
        var by = new Option<string>("--by") { Description = "Who decides (default: the user running the command).", DefaultValueFactory = _ => Environment.UserName };
        var note = new Option<string?>("--note") { Description = "Why, for the case history." };
        var json = new Option<bool>("--json") { Description = "Print the updated case as one JSON object." };
        var command = new Command("classify", "Set a case's category by a person's decision; it is kept as a training example.") { registration, category, by, note, json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            global.Settings(parseResult),
            parseResult.GetValue(registration)!,
            Enum.Parse<CaseCategory>(parseResult.GetValue(category)!, ignoreCase: true),
            parseResult.GetValue(by)!,
            parseResult.GetValue(note),
            parseResult.GetValue(json),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CaptureHostSettings settings,
        string registrationNumber,
        CaseCategory category,
        string by,
        string? note,
        bool json,
        CliConsole console,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var store = host.Services.GetRequiredService<ArchiveStore>();
        CaseRecord updated;
        try
        {
            updated = store.Reclassify(registrationNumber, category, by, note);
        }
        catch (CaseNotFoundException)
        {
            await console.Error.WriteLineAsync($"capture case classify: no case {registrationNumber} in {store.RootDirectory}").ConfigureAwait(false);
            return 1;
        }
        catch (ArgumentException ex)
        {
            await console.Error.WriteLineAsync($"capture case classify: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        host.Services.GetRequiredService<CaseIndexer>().Reindex(updated);
        if (json)
        {
            await console.Output.WriteLineAsync(JsonLines.Serialize(CaseView.Load(store, updated.RegistrationNumber)!)).ConfigureAwait(false);
        }
        else
        {
            await console.Output.WriteLineAsync($"{updated.RegistrationNumber} is now {ArchiveVocabulary.Word(updated.Category)}.").ConfigureAwait(false);
        }

        return 0;
    }
}
