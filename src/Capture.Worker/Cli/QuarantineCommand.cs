using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Archive.Store.Quarantine;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Capture.Worker.Sources;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture quarantine list</c>: the items set aside, why, and where their bytes are; <c>capture quarantine retry ID</c>:
/// puts one back through the pipeline. Records are never deleted: a retried item is marked resolved with its case.
/// </summary>
internal static class QuarantineCommand
{
    /// <summary>Exit code of a retry that left the item quarantined (its new reason is printed).</summary>
    public const int StillQuarantined = 2;

    private const int MinimumIdPrefix = 6;

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per record and line." };
        var source = new Option<string?>("--source") { Description = "Only records from this source, e.g. drop:scanner-1 or mail:complaints." };
        var all = new Option<bool>("--all") { Description = "Also list records resolved by a retry." };
        var list = new Command("list", "List quarantined items: id, when, source, name, reason, attempts, and whether and where their bytes are kept.") { json, source, all };
        list.SetAction((parseResult, cancellationToken) => ListAsync(
            global.Settings(parseResult), parseResult.GetValue(json), parseResult.GetValue(source), parseResult.GetValue(all), console, cancellationToken));

        var id = new Argument<string>("id") { Description = $"The record's id from capture quarantine list (or its first {MinimumIdPrefix} or more characters)." };
        var retryJson = new Option<bool>("--json") { Description = "Print the outcome as one JSON object, as capture import --json does." };
        var retry = new Command("retry", "Put a quarantined item's kept bytes through the pipeline again: it becomes a case (the record is marked resolved) or stays quarantined with the new reason.") { id, retryJson };
        retry.SetAction((parseResult, cancellationToken) => RetryAsync(
            global.Settings(parseResult), parseResult.GetValue(id)!, parseResult.GetValue(retryJson), console, cancellationToken));
        return new Command("quarantine", "Items that could not be captured: list them, retry one.") { list, retry };
    }

    private static async Task<int> ListAsync(CaptureHostSettings settings, bool json, string? source, bool all, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var records = host.Services.GetRequiredService<ArchiveStore>().ListQuarantine()
            .Where(r => all || !r.IsResolved)
            .Where(r => source is null || string.Equals(r.SourceName, source, StringComparison.OrdinalIgnoreCase))
            .Select(QuarantineView.From)
            .ToList();
        if (json)
        {
            foreach (var record in records)
            {
                await console.Output.WriteLineAsync(JsonLines.Serialize(record)).ConfigureAwait(false);
            }

            return 0;
        }

        if (records.Count == 0)
        {
            console.Rich.MarkupLine(source is null ? "The quarantine is empty." : Markup.Escape($"Nothing from {source} is in quarantine."));
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "When", "Source", "Name", "Attempts", "Kept at", "Reason");
        foreach (var record in records)
        {
            table.AddRow(
                Markup.Escape(record.Id),
                Markup.Escape(record.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Markup.Escape(record.Source),
                Markup.Escape(record.OriginalFileName),
                record.Attempts.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(KeptText(record)),
                Markup.Escape(record.ResolvedAs is { } resolved ? $"resolved as {resolved}" : record.Reason));
        }

        console.Rich.Write(table);
        console.Rich.MarkupLine(Markup.Escape($"{records.Count} record(s). Retry one after fixing its cause with: capture quarantine retry ID"));
        return 0;
    }

    private static async Task<int> RetryAsync(CaptureHostSettings settings, string id, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        using var host = CaptureHostFactory.Build(settings);
        var store = host.Services.GetRequiredService<ArchiveStore>();
        if (Find(store, id, out var problem) is not { } record)
        {
            await console.Error.WriteLineAsync($"capture quarantine retry: {problem}").ConfigureAwait(false);
            return 1;
        }

        CaptureResult result;
        try
        {
            result = await host.Services.GetRequiredService<QuarantineRetry>().RetryAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (QuarantineRetryRefusedException refused)
        {
            await console.Error.WriteLineAsync($"capture quarantine retry: {refused.Message}").ConfigureAwait(false);
            return 1;
        }

        host.Services.GetRequiredService<CaseIndexer>().Flush();
        if (json)
        {
            await console.Output.WriteLineAsync(JsonLines.Serialize(CaptureResultViews.From(result))).ConfigureAwait(false);
        }
        else if (result.Outcome == CaptureOutcome.Quarantined)
        {
            console.Rich.MarkupLine(Markup.Escape($"{record.OriginalFileName} is still quarantined (record {record.Id}): {result.Reason}"));
        }
        else
        {
            console.Rich.MarkupLine(Markup.Escape($"{record.OriginalFileName} was captured: {result.Outcome.ToString().ToLowerInvariant()} {result.RegistrationNumber}. Record {record.Id} is resolved (kept, not deleted)."));
        }

        return result.Outcome == CaptureOutcome.Quarantined ? StillQuarantined : 0;
    }

    /// <summary>The record with this id, or the only one whose id starts with it.</summary>
    private static QuarantineRecord? Find(ArchiveStore store, string id, out string problem)
    {
        problem = "";
        var typed = id.Trim();
        if (typed.Length > 0 && store.FindQuarantine(typed) is { } exact)
        {
            return exact;
        }

        var matches = typed.Length < MinimumIdPrefix
            ? []
            : store.ListQuarantine().Where(r => r.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        problem = matches.Count == 0
            ? $"no quarantine record has the id '{typed}'; capture quarantine list --all shows them."
            : $"'{typed}' is the start of {matches.Count} records' ids ({string.Join(", ", matches.Select(m => m.Id))}); type more of it.";
        return null;
    }

    private static string KeptText(QuarantineView record) => record.KeptAt switch
    {
        null => "not kept",
        { } path when record.Kept => path,
        { } path => $"missing: {path}",
    };
}
