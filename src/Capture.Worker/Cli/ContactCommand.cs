using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary><c>capture contact EMAIL</c>: a customer known by e-mail address, their cases and how their details changed.</summary>
internal static class ContactCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var email = new Argument<string>("email") { Description = "The customer's e-mail address (any case)." };
        var json = new Option<bool>("--json") { Description = "Print the contact as one JSON object." };
        var command = new Command("contact", "Show a customer: details, cases and the history of their details.") { email, json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(global.Settings(parseResult), parseResult.GetValue(email)!, parseResult.GetValue(json), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, string email, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var store = host.Services.GetRequiredService<ArchiveStore>();
        if (ContactDetailsView.Load(store, email) is not { } view)
        {
            await console.Error.WriteLineAsync($"capture contact: nobody with the address {email} wrote to {store.RootDirectory}").ConfigureAwait(false);
            return 1;
        }

        if (json)
        {
            await console.Output.WriteLineAsync(JsonLines.Serialize(view)).ConfigureAwait(false);
            return 0;
        }

        var rich = console.Rich;
        rich.Write(new Rule(Markup.Escape($"{view.Name ?? "-"} <{view.Email}>")).LeftJustified());
        var details = new Grid().AddColumn().AddColumn();
        details.AddRow("Phone", Markup.Escape(view.Phone ?? "-"));
        details.AddRow("Address", Markup.Escape(string.Join(", ", new[] { view.Address, view.Postcode }.Where(v => v is not null)) is { Length: > 0 } address ? address : "-"));
        details.AddRow("Wrote", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{view.Cases.Count} case(s), first {view.FirstSeenAt:yyyy-MM-dd}, last {view.LastSeenAt:yyyy-MM-dd}")));
        rich.Write(details);
        var cases = new Table().Border(TableBorder.Rounded).AddColumns("Case", "Opened", "Category", "Status", "Subject");
        foreach (var entry in view.Cases)
        {
            cases.AddRow(Markup.Escape(entry.RegistrationNumber), Markup.Escape(entry.OpenedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Markup.Escape(entry.Category), Markup.Escape(entry.Status), Markup.Escape(entry.Subject ?? "-"));
        }

        rich.Write(cases);
        var history = new Table().Border(TableBorder.Simple).AddColumns("When", "Detail", "Was", "Now", "By", "From case");
        foreach (var change in view.History)
        {
            history.AddRow(
                Markup.Escape(change.At.ToString("u", CultureInfo.InvariantCulture)),
                Markup.Escape(change.Field),
                Markup.Escape(change.OldValue ?? "-"),
                Markup.Escape(change.NewValue ?? "(cleared)"),
                Markup.Escape(change.By ?? "capture"),
                Markup.Escape(change.RegistrationNumber));
        }

        rich.Write(history);
        return 0;
    }
}
