using System.CommandLine;
using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Contacts;
using Capture.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture case contact REG [--name TEXT] [--phone TEXT] [--address TEXT] [--postcode TEXT] [--by NAME]</c>: a
/// person corrects the contact of a case. A detail not given is kept; one given as <c>""</c> is cleared. Each change
/// is in the contact's history (<c>capture contact EMAIL</c>) with who made it, and the case is searchable by the new
/// name at once.
/// </summary>
internal static class CaseContactCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var registration = new Argument<string>("registration-number") { Description = "The case's registration number, e.g. C-2026-000123." };
        var name = new Option<string?>("--name") { Description = "The contact's name; \"\" clears it." };
        var phone = new Option<string?>("--phone") { Description = "The phone number; \"\" clears it." };
        var address = new Option<string?>("--address") { Description = "The postal address; \"\" clears it." };
        var postcode = new Option<string?>("--postcode") { Description = "The postcode; \"\" clears it." };
        var by = new Option<string>("--by") { Description = "Who corrects it (default: the user running the command).", DefaultValueFactory = _ => Environment.UserName };
        var json = new Option<bool>("--json") { Description = "Print the updated case as one JSON object." };
        var command = new Command("contact", "Correct a case's contact: a detail left out is kept, one given as \"\" is cleared.") { registration, name, phone, address, postcode, by, json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            global.Settings(parseResult),
            parseResult.GetValue(registration)!,
            new ContactEdit(parseResult.GetValue(name), parseResult.GetValue(phone), parseResult.GetValue(address), parseResult.GetValue(postcode)),
            parseResult.GetValue(by)!,
            parseResult.GetValue(json),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CaptureHostSettings settings, string registrationNumber, ContactEdit edit, string by, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (edit is { Name: null, Phone: null, Address: null, Postcode: null })
        {
            await console.Error.WriteLineAsync("capture case contact: give at least one of --name, --phone, --address, --postcode (\"\" clears a detail).").ConfigureAwait(false);
            return 1;
        }

        using var host = CaptureHostFactory.Build(settings);
        return await CaseDecisionCommand.ApplyAsync(
            host,
            "contact",
            registrationNumber,
            store => store.EditContact(registrationNumber, edit, by),
            ex => ex is ArgumentException or InvalidOperationException,
            updated => Describe(updated, host.Services.GetRequiredService<ArchiveStore>()),
            json,
            console).ConfigureAwait(false);
    }

    private static string Describe(CaseRecord updated, ArchiveStore store)
    {
        var contact = store.FindContact(updated.ContactEmail!)!;
        return $"{updated.RegistrationNumber}: {contact.Email} is now {contact.Name ?? "-"}, phone {contact.Phone ?? "-"}, address {contact.Address ?? "-"} {contact.Postcode ?? ""}".TrimEnd() + ".";
    }
}
