using System.Globalization;
using Capture.Worker.Pipeline;
using Spectre.Console;

namespace Capture.Worker.Cli.Output;

/// <summary>The readable table <c>capture import</c> prints without <c>--json</c>.</summary>
internal static class ImportReport
{
    public static void Write(IAnsiConsole console, IReadOnlyList<CaptureResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Item", "Outcome", "Registration", "Category", "Lang", "Contact", "References");
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Item.OriginalFileName),
                OutcomeMarkup(result.Outcome),
                Markup.Escape(result.RegistrationNumber ?? "-"),
                Markup.Escape(CategoryText(result)),
                Markup.Escape(result.Language ?? "-"),
                Markup.Escape(ContactText(result)),
                Markup.Escape(ReferencesText(result)));
        }

        console.Write(table);
        var counts = results.GroupBy(r => r.Outcome).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        console.MarkupLine(Markup.Escape($"{results.Count} items: {string.Join(", ", counts)}"));
        foreach (var quarantined in results.Where(r => r.Reason is not null))
        {
            console.MarkupLine($"[yellow]{Markup.Escape(quarantined.Item.OriginalFileName)}[/]: {Markup.Escape(quarantined.Reason!)}");
        }
    }

    private static string OutcomeMarkup(CaptureOutcome outcome) => outcome switch
    {
        CaptureOutcome.Opened => "[green]opened[/]",
        CaptureOutcome.Joined => "[green]joined[/]",
        CaptureOutcome.Duplicate => "[grey]duplicate[/]",
        _ => "[yellow]quarantined[/]",
    };

    private static string CategoryText(CaptureResult result) => result.Outcome is CaptureOutcome.Quarantined
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{ArchiveVocabulary.Word(result.Category)} {result.Confidence:0.00}");

    private static string ContactText(CaptureResult result) =>
        string.Join(" ", new[] { result.Contact.Name, result.Contact.Email is null ? null : $"<{result.Contact.Email}>" }.Where(s => s is not null));

    private static string ReferencesText(CaptureResult result)
    {
        var references = result.References;
        return string.Join(", ", references.Orders.Concat(references.Invoices).Concat(references.Serials).Concat(references.Policies));
    }
}
