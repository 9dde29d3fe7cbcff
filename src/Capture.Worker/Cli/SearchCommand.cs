using System.CommandLine;
using System.Globalization;
using Archive.Search;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary><c>capture search QUERY</c>: full-text search over the archive, one result per case.</summary>
internal static class SearchCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var query = new Argument<string[]>("query")
        {
            Description = "Words, \"phrases\", AND/OR/NOT, prefix*, fuzzy~ and fields such as email:, name:, reg:, category:, status:, order:.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per result and line." };
        var limit = new Option<int>("--limit", "-n") { Description = "How many cases to show.", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--limit must be between 1 and 10000.");
            }
        });
        var command = new Command("search", "Search the archive.") { query, json, limit };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            global.Settings(parseResult),
            string.Join(' ', parseResult.GetValue(query) ?? []),
            parseResult.GetValue(json),
            parseResult.GetValue(limit),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, string query, bool json, int limit, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var index = host.Services.GetRequiredService<ArchiveIndex>();
        SearchResults results;
        try
        {
            results = index.Search(new SearchRequest(query, limit));
        }
        catch (InvalidSearchQueryException ex)
        {
            await console.Error.WriteLineAsync($"capture search: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        if (json)
        {
            foreach (var hit in results.Hits)
            {
                await console.Output.WriteLineAsync(JsonLines.Serialize(new SearchHitView(
                    hit.RegistrationNumber,
                    Math.Round(hit.Score, 4),
                    hit.Category,
                    hit.Status,
                    new ContactView(hit.ContactName, hit.ContactEmail),
                    hit.Snippet))).ConfigureAwait(false);
            }

            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Registration", "Category", "Status", "Contact", "Snippet");
        foreach (var hit in results.Hits)
        {
            table.AddRow(
                Markup.Escape(hit.RegistrationNumber),
                Markup.Escape(hit.Category),
                Markup.Escape(hit.Status),
                Markup.Escape(hit.ContactName ?? hit.ContactEmail ?? "-"),
                SnippetMarkup(hit.Snippet, console.IsInteractive));
        }

        console.Rich.Write(table);
        console.Rich.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{results.TotalCases} cases match \"{query}\"")));
        return 0;
    }

    /// <summary>Matches are bracketed in the snippet: shown bold on a terminal, kept as brackets in redirected output.</summary>
    private static string SnippetMarkup(string snippet, bool interactive)
    {
        var escaped = Markup.Escape(snippet);
        return interactive
            ? escaped.Replace("[[", "[bold yellow]", StringComparison.Ordinal).Replace("]]", "[/]", StringComparison.Ordinal)
            : escaped;
    }

    private sealed record SearchHitView(string RegistrationNumber, double Score, string Category, string Status, ContactView Contact, string Snippet);
}
