using System.CommandLine;
using Archive.Store;
using Archive.Store.Cases;
using Capture.Web.Cases;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Capture.Worker.Cli;

/// <summary>
/// The shape of a person's decision on a case (<c>capture case classify</c>, <c>capture case status</c>, <c>capture case assign</c>):
/// <c>REG VALUE [--by NAME] [--note TEXT] [--json]</c>, applied by the store, recorded in the case's history, and
/// searchable at once because the case is indexed again.
/// </summary>
internal static class CaseDecisionCommand
{
    /// <summary>What one decision command is.</summary>
    /// <param name="Name">The subcommand's name.</param>
    /// <param name="Description">Its help text.</param>
    /// <param name="ValueName">The decided value's argument name.</param>
    /// <param name="Values">The words a person may type, and what they mean.</param>
    /// <param name="Decide">Applies the decision: store, registration number, value, by, note.</param>
    /// <param name="Outcome">The case's new value as a word, for the confirmation line.</param>
    public sealed record Definition<TValue>(
        string Name,
        string Description,
        string ValueName,
        IReadOnlyDictionary<string, TValue> Values,
        Func<ArchiveStore, string, TValue, string, string?, CaseRecord> Decide,
        Func<CaseRecord, string> Outcome)
    {
        /// <summary>
        /// For a value that is not one of a fixed list (a person's login): reads what was typed with the host's services,
        /// throwing <see cref="ArgumentException"/> with the accepted values. When set, <see cref="Values"/> is not used.
        /// </summary>
        public Func<IServiceProvider, string, TValue>? Resolve { get; init; }

        /// <summary>The value argument's help text, when it is not the list of <see cref="Values"/>.</summary>
        public string? ValueDescription { get; init; }
    }

    public static Command Create<TValue>(GlobalOptions global, CliConsole console, Definition<TValue> definition)
    {
        var registration = new Argument<string>("registration-number") { Description = "The case's registration number, e.g. C-2026-000123." };
        var value = new Argument<string>(definition.ValueName) { Description = definition.ValueDescription ?? string.Join(", ", definition.Values.Keys) + "." };
        if (definition.Resolve is null)
        {
            value.AcceptOnlyFromAmong([.. definition.Values.Keys]);
        }

        var by = new Option<string>("--by") { Description = "Who decides (default: the user running the command).", DefaultValueFactory = _ => Environment.UserName };
        var note = new Option<string?>("--note") { Description = "Why, for the case history." };
        var json = new Option<bool>("--json") { Description = "Print the updated case as one JSON object." };
        var command = new Command(definition.Name, definition.Description) { registration, value, by, note, json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            global.Settings(parseResult),
            definition,
            parseResult.GetValue(registration)!,
            parseResult.GetValue(value)!,
            parseResult.GetValue(by)!,
            parseResult.GetValue(note),
            parseResult.GetValue(json),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync<TValue>(
        CaptureHostSettings settings,
        Definition<TValue> definition,
        string registrationNumber,
        string valueText,
        string by,
        string? note,
        bool json,
        CliConsole console,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        return await ApplyAsync(
            host,
            definition.Name,
            registrationNumber,
            store => definition.Decide(store, registrationNumber, definition.Resolve is { } resolve ? resolve(host.Services, valueText) : definition.Values[valueText], by, note),
            ex => ex is ArgumentException or StatusChangeRefusedException,
            updated => $"{updated.RegistrationNumber} is now {definition.Outcome(updated)}.",
            json,
            console).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies a person's change to a case as every <c>capture case</c> command does: no such case, or a change refused
    /// (<paramref name="isRefusal"/>), is one line on the error output and exit code 1; otherwise the case is indexed
    /// again, so searches see the change at once, and printed as JSON or confirmed in one line.
    /// </summary>
    internal static async Task<int> ApplyAsync(
        IHost host,
        string commandName,
        string registrationNumber,
        Func<ArchiveStore, CaseRecord> change,
        Func<Exception, bool> isRefusal,
        Func<CaseRecord, string> confirmation,
        bool json,
        CliConsole console)
    {
        var store = host.Services.GetRequiredService<ArchiveStore>();
        CaseRecord updated;
        try
        {
            updated = change(store);
        }
        catch (CaseNotFoundException)
        {
            await console.Error.WriteLineAsync($"capture case {commandName}: no case {registrationNumber} in {store.RootDirectory}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (isRefusal(ex))
        {
            await console.Error.WriteLineAsync($"capture case {commandName}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        host.Services.GetRequiredService<CaseIndexer>().Reindex(updated);
        var output = json
            ? JsonLines.Serialize(CaseView.Load(store, updated.RegistrationNumber, host.Services.GetRequiredService<TimeProvider>().GetUtcNow())!)
            : confirmation(updated);
        await console.Output.WriteLineAsync(output).ConfigureAwait(false);
        return 0;
    }
}
