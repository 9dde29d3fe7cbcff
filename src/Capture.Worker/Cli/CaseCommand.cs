using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Capture.Web.Cases;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture case show REG</c>: one case with its priority, days waiting, deadline, documents and history;
/// <c>capture case classify REG CATEGORY</c>: a person's category decision.
/// </summary>
internal static class CaseCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var registration = new Argument<string>("registration-number") { Description = "The case's registration number, e.g. C-2026-000123." };
        var json = new Option<bool>("--json") { Description = "Print the case as one JSON object." };
        var show = new Command("show", "Show a case: status, category, contact, priority, days waiting, deadline, documents and history.") { registration, json };
        show.SetAction((parseResult, cancellationToken) => ShowAsync(
            global.Settings(parseResult),
            parseResult.GetValue(registration)!,
            parseResult.GetValue(json),
            console,
            cancellationToken));
        return new Command("case", "Work with cases.") { show, CaseClassifyCommand.Create(global, console), CaseStatusCommand.Create(global, console), CaseRemindCommand.Create(global, console), CaseAssignCommand.Create(global, console), CaseContactCommand.Create(global, console) };
    }

    private static string OcrText(CaseDocumentView document)
    {
        if (!document.Ocr)
        {
            return "no";
        }

        var turned = document.PageDetails.Where(p => p.Rotation != 0 || Math.Abs(p.Skew) >= 0.1)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"p{p.Number}: {p.Rotation}° {p.Skew:+0.0;-0.0}°"));
        var review = document.NeedsReview ? " [[review]]" : "";
        return Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{document.OcrConfidence:0.00}")) + review +
            (turned.Any() ? " " + Markup.Escape(string.Join(", ", turned)) : "");
    }

    private static void WriteAlerts(IAnsiConsole rich, CaseView view, TimeZoneInfo zone)
    {
        if (view.Reminders.Count == 0 && view.Alerts.Count == 0)
        {
            return;
        }

        var alerts = new Table().Border(TableBorder.Rounded).AddColumns("Alert", "Due", "To", "State");
        foreach (var reminder in view.Reminders)
        {
            alerts.AddRow(Markup.Escape($"reminder by {reminder.By}: {reminder.Note}"), Markup.Escape(Local(reminder.DueAt, zone)), "", "set");
        }

        foreach (var alert in view.Alerts)
        {
            alerts.AddRow(
                Markup.Escape(alert.Kind),
                Markup.Escape(Local(alert.DueAt, zone)),
                Markup.Escape(alert.Recipient ?? alert.Person ?? "nobody"),
                Markup.Escape(alert.State + (alert.SentAt is { } sent ? $" {Local(sent, zone)}" : "") + (alert.Error is { } error ? $": {error}" : "")));
        }

        rich.Write(alerts);
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static async Task<int> ShowAsync(CaptureHostSettings settings, string registrationNumber, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var store = host.Services.GetRequiredService<ArchiveStore>();
        var view = CaseView.Load(store, registrationNumber, host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (view is null)
        {
            await console.Error.WriteLineAsync($"capture case show: no case {registrationNumber} in {store.RootDirectory}").ConfigureAwait(false);
            return 1;
        }

        if (json)
        {
            await console.Output.WriteLineAsync(JsonLines.Serialize(view)).ConfigureAwait(false);
            return 0;
        }

        var rich = console.Rich;
        rich.Write(new Rule(Markup.Escape($"{view.RegistrationNumber} — {view.Category} ({view.Status})")).LeftJustified());
        var details = new Grid().AddColumn().AddColumn();
        details.AddRow("Contact", Markup.Escape($"{view.Contact.Name ?? "-"} <{view.Contact.Email ?? "-"}>"));
        details.AddRow("Category", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{view.Category} (confidence {view.Confidence:0.00})")
            + (view.SuggestedCategory is { } guess ? $", the classifier's guess: {guess}; decide with capture case classify" : "")));
        details.AddRow("Language", Markup.Escape(view.Language ?? "-"));
        details.AddRow("Handler", Markup.Escape((view.Handler ?? "unassigned") + (view.Team is { } team ? $" (team {team})" : "")));
        details.AddRow("Product", Markup.Escape(view.Product ?? "-"));
        details.AddRow("Opened", Markup.Escape(view.OpenedAt.ToString("u", CultureInfo.InvariantCulture)));
        details.AddRow("Archive", Markup.Escape(view.ArchivePath));
        details.AddRow("Priority", Markup.Escape(view.Priority));
        details.AddRow("Waiting", Markup.Escape(view.DaysWaiting is { } days ? string.Create(CultureInfo.InvariantCulture, $"{days} day(s)") : view.Status == "closed" ? "no: the case is closed" : "no: the company waits for the customer"));
        details.AddRow("Deadline", Markup.Escape(view.Deadline?.Describe(store.DeadlineTimeZone) ?? "none"));
        details.AddRow("Next alert", Markup.Escape(view.NextAlertAt is { } next ? Local(next, store.DeadlineTimeZone) : "none scheduled"));
        details.AddRow("Acknowledgement", Markup.Escape(view.Acknowledgement is { } ack
            ? $"{ack.State}" + (ack.Recipient is { } to ? $" to {to}" : "") + (ack.Reason is { } why ? $": {why}" : "")
            : "none (acknowledgements were off when the case opened)"));
        rich.Write(details);
        WriteAlerts(rich, view, store.DeadlineTimeZone);

        var documents = new Table().Border(TableBorder.Rounded).AddColumns("Document", "Type", "Pages", "OCR", "SHA-256", "References");
        foreach (var document in view.Documents)
        {
            documents.AddRow(
                Markup.Escape(document.FileName),
                Markup.Escape(document.MediaType),
                document.Pages.ToString(CultureInfo.InvariantCulture),
                OcrText(document),
                Markup.Escape(document.Sha256[..12]),
                Markup.Escape(string.Join(", ", document.References.Orders.Concat(document.References.Invoices).Concat(document.References.Serials).Concat(document.References.Policies))));
        }

        rich.Write(documents);
        foreach (var document in view.Documents.Where(d => d.SearchablePdfPath is not null))
        {
            rich.MarkupLine(Markup.Escape($"Searchable PDF of {document.FileName}: {document.SearchablePdfPath}"));
        }

        var history = new Table().Border(TableBorder.Simple).AddColumns("When", "Who", "What");
        foreach (var entry in view.History)
        {
            history.AddRow(Markup.Escape(entry.At.ToString("u", CultureInfo.InvariantCulture)), Markup.Escape(entry.Actor), Markup.Escape($"{entry.Kind}: {entry.Detail}"));
        }

        rich.Write(history);
        return 0;
    }
}
