using System.CommandLine;
using System.Globalization;
using Archive.Search;
using Capture.Web.Api;
using Capture.Web.Cases;
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
            Description = "Words, \"phrases\", AND/OR/NOT, prefix*, fuzzy~ and fields: email:, name:, reg:, category:, status:, lang:, handler:, order:, invoice:, serial:, policy:, received:[2026-10-01 TO 2026-10-31], waiting:>7, alert:due.",
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
        var page = new Option<int>("--page") { Description = "Which page of results to show (1 is the first).", DefaultValueFactory = _ => 1 };
        page.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--page must be 1 or more.");
            }
        });
        var sort = new Option<string>("--sort")
        {
            Description = "Order of the cases: relevance, newest, oldest, waiting (longest waiting first), reg or reg-desc.",
            DefaultValueFactory = _ => "relevance",
        };
        sort.AcceptOnlyFromAmong([.. SearchSorts.ByName.Keys]);
        var command = new Command("search", "Search the archive.") { query, json, limit, page, sort };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var pageSize = parseResult.GetValue(limit);
            var request = new SearchRequest(
                string.Join(' ', parseResult.GetValue(query) ?? []),
                pageSize,
                (parseResult.GetValue(page) - 1) * pageSize,
                SearchSorts.ByName[parseResult.GetValue(sort) ?? "relevance"]);
            return RunAsync(global.Settings(parseResult), request, parseResult.GetValue(json), console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, SearchRequest request, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var index = host.Services.GetRequiredService<ArchiveIndex>();
        SearchResults results;
        try
        {
            results = index.Search(request);
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
                    hit.Handler,
                    hit.ReceivedAt,
                    hit.DaysWaiting,
                    new ContactView(hit.ContactName, hit.ContactEmail),
                    hit.Snippet))).ConfigureAwait(false);
            }

            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Registration", "Received", "Category", "Status", "Waiting", "Handler", "Contact", "Snippet");
        foreach (var hit in results.Hits)
        {
            table.AddRow(
                Markup.Escape(hit.RegistrationNumber),
                hit.ReceivedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Markup.Escape(hit.Category),
                Markup.Escape(hit.Status),
                hit.DaysWaiting is { } days ? days.ToString(CultureInfo.InvariantCulture) + " d" : "-",
                Markup.Escape(hit.Handler ?? "-"),
                Markup.Escape(hit.ContactName ?? hit.ContactEmail ?? "-"),
                SnippetMarkup(hit.Snippet, console.IsInteractive));
        }

        console.Rich.Write(table);
        var first = results.Hits.Count == 0 ? 0 : request.Offset + 1;
        console.Rich.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{results.TotalCases} cases match \"{request.Query}\"; showing {first}-{request.Offset + results.Hits.Count}.")));
        console.Rich.MarkupLine(Markup.Escape("By category: " + Counts(results.CategoryCounts) + ". By status: " + Counts(results.StatusCounts) + "."));
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

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0
            ? "none"
            : string.Join(", ", counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value}")));

    private sealed record SearchHitView(string RegistrationNumber, double Score, string Category, string Status, string? Handler, DateTimeOffset ReceivedAt, int? DaysWaiting, ContactView Contact, string Snippet);
}
