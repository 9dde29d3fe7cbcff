using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary><c>capture triage</c>: the open cases the classifier did not dare to classify, oldest first.</summary>
internal static class TriageCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per case and line." };
        var command = new Command("triage", "List the cases waiting for a person to choose their category (decide with: capture case classify REG CATEGORY).") { json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(global.Settings(parseResult), parseResult.GetValue(json), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var queue = host.Services.GetRequiredService<ArchiveStore>().ListTriage().Select(TriageView.From).ToList();
        if (json)
        {
            foreach (var entry in queue)
            {
                await console.Output.WriteLineAsync(JsonLines.Serialize(entry)).ConfigureAwait(false);
            }

            return 0;
        }

        if (queue.Count == 0)
        {
            console.Rich.MarkupLine("The triage queue is empty: every open case has a category.");
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Case", "Received", "Guess", "Confidence", "Lang", "Contact", "Subject");
        foreach (var entry in queue)
        {
            table.AddRow(
                Markup.Escape(entry.RegistrationNumber),
                Markup.Escape(entry.ReceivedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Markup.Escape(entry.SuggestedCategory ?? "-"),
                entry.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape(entry.Language ?? "-"),
                Markup.Escape(entry.Contact.Email ?? entry.Contact.Name ?? "-"),
                Markup.Escape(entry.Subject ?? "-"));
        }

        console.Rich.Write(table);
        console.Rich.MarkupLine(Markup.Escape($"{queue.Count} case(s) to triage. Decide with: capture case classify REG complaint|suggestion|thanks --note \"why\""));
        return 0;
    }
}
