using System.CommandLine;
using System.Globalization;
using Archive.Store;
using Capture.Worker.Cli.Output;
using Capture.Worker.Hosting;
using Archive.Store.Reports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Capture.Worker.Cli;

/// <summary>
/// <c>capture report [--days N | --since DATE --until DATE | --all] [--json]</c>: cases per status, category, handler and
/// language; time to first response and to closing; deadlines at risk and missed; the repeated problems.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var days = new Option<int>("--days") { Description = "The period: cases received in the last N days.", DefaultValueFactory = _ => 90 };
        var since = new Option<string?>("--since") { Description = "The period's first day (yyyy-MM-dd, on the machine's clock), instead of --days." };
        var until = new Option<string?>("--until") { Description = "The day after the period (yyyy-MM-dd, exclusive); default now." };
        var all = new Option<bool>("--all") { Description = "Every case, whenever it was received." };
        var top = new Option<int>("--top") { Description = "How many products, serial prefixes and order batches to list.", DefaultValueFactory = _ => 10 };
        var serialPrefix = new Option<int>("--serial-prefix") { Description = "Leading letters and digits of a serial number that make its prefix.", DefaultValueFactory = _ => 6 };
        var orderBatch = new Option<int>("--order-batch-digits") { Description = "Trailing digits of an order number that vary inside one batch.", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object." };
        var command = new Command("report", "Cases per status, category, handler and language; response and closing times; deadlines; repeated problems.")
        {
            days, since, until, all, top, serialPrefix, orderBatch, json,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new ReportRequest(
                parseResult.GetValue(days), parseResult.GetValue(since), parseResult.GetValue(until), parseResult.GetValue(all),
                parseResult.GetValue(top), parseResult.GetValue(serialPrefix), parseResult.GetValue(orderBatch));
            return RunAsync(global.Settings(parseResult), request, parseResult.GetValue(json), console, cancellationToken);
        });
        return command;
    }

    /// <summary>The period and grouping rules the command line asked for, or the problem with them.</summary>
    internal static (ReportSettings? Settings, string? Problem) Resolve(ReportRequest request, DateTimeOffset now)
    {
        if (request.Top < 1 || request.SerialPrefix < 1 || request.OrderBatchDigits < 0)
        {
            return (null, "--top and --serial-prefix must be at least 1, --order-batch-digits at least 0.");
        }

        DateTimeOffset? Day(string text) =>
            DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var day)
                ? new DateTimeOffset(day, TimeZoneInfo.Local.GetUtcOffset(day))
                : null;

        var untilAt = now;
        if (request.Until is { } untilText && Day(untilText) is not { } parsedUntil)
        {
            return (null, $"--until '{untilText}' is not a day; write it as 2026-12-31.");
        }
        else if (request.Until is not null)
        {
            untilAt = Day(request.Until)!.Value;
        }

        DateTimeOffset? sinceAt;
        if (request.All)
        {
            sinceAt = null;
        }
        else if (request.Since is { } sinceText)
        {
            sinceAt = Day(sinceText);
            if (sinceAt is null)
            {
                return (null, $"--since '{sinceText}' is not a day; write it as 2026-01-01.");
            }
        }
        else if (request.Days < 1)
        {
            return (null, "--days must be at least 1.");
        }
        else
        {
            sinceAt = untilAt.AddDays(-request.Days);
        }

        return sinceAt >= untilAt
            ? (null, "The period is empty: --since must be before --until.")
            : (new ReportSettings(sinceAt, untilAt, request.Top, request.SerialPrefix, request.OrderBatchDigits), null);
    }

    private static async Task<int> RunAsync(CaptureHostSettings settings, ReportRequest request, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var host = CaptureHostFactory.Build(settings);
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (reportSettings, problem) = Resolve(request, now);
        if (reportSettings is null)
        {
            await console.Error.WriteLineAsync($"capture report: {problem}").ConfigureAwait(false);
            return 1;
        }

        var report = host.Services.GetRequiredService<ArchiveStore>().Report(reportSettings, now, host.Services.GetRequiredService<LetterVocabulary>());
        if (json)
        {
            await console.Output.WriteLineAsync(JsonLines.Serialize(report)).ConfigureAwait(false);
            return 0;
        }

        Render(console.Rich, report);
        return 0;
    }

    private static void Render(IAnsiConsole rich, CaseReport report)
    {
        var period = report.Since is { } since
            ? $"{since.ToLocalTime():yyyy-MM-dd HH:mm} to {report.Until.ToLocalTime():yyyy-MM-dd HH:mm}"
            : $"everything before {report.Until.ToLocalTime():yyyy-MM-dd HH:mm}";
        rich.Write(new Rule(Markup.Escape($"{report.Cases} case(s) received, {period}")).LeftJustified());

        var counts = new Table().Border(TableBorder.Rounded).AddColumns("Status", "Category", "Handler", "Language");
        var dimensions = new[] { report.ByStatus, report.ByCategory, report.ByHandler, report.ByLanguage };
        for (var row = 0; row < dimensions.Max(d => d.Count); row++)
        {
            counts.AddRow([.. dimensions.Select(d => row < d.Count ? Markup.Escape($"{d[row].Value}: {d[row].Cases}") : "")]);
        }

        rich.Write(counts);

        var times = new Grid().AddColumn().AddColumn();
        times.AddRow("First response", Markup.Escape(Describe(report.TimeToFirstResponse)));
        times.AddRow("Closing", Markup.Escape(Describe(report.TimeToClose)));
        var deadlines = report.Deadlines;
        times.AddRow("Deadlines", Markup.Escape($"{deadlines.AtRisk} at risk, {deadlines.Missed} missed (open), {deadlines.ClosedLate} closed late"
            + (deadlines.Cases.Count > 0 ? ": " + string.Join(", ", deadlines.Cases.Take(20)) + (deadlines.Cases.Count > 20 ? ", …" : "") : "")));
        rich.Write(times);

        var problems = new Table().Border(TableBorder.Simple).AddColumns("Repeated problem", "Complaints", "Cases");
        foreach (var (kind, clusters) in new[] { ("product", report.RepeatedProblems.Products), ("product word", report.RepeatedProblems.ProductWords), ("serial prefix", report.RepeatedProblems.SerialPrefixes), ("order batch", report.RepeatedProblems.OrderBatches) })
        {
            foreach (var cluster in clusters)
            {
                problems.AddRow(Markup.Escape($"{kind} {cluster.Key}"), cluster.Complaints.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", cluster.Examples)));
            }
        }

        if (problems.Rows.Count == 0)
        {
            rich.MarkupLine("No repeated problems: no product, serial prefix or order batch has two complaints or more in the period.");
        }
        else
        {
            rich.Write(problems);
        }
    }

    private static string Describe(DurationSummary summary) => summary.Cases == 0
        ? "no cases yet"
        : $"median {Format(summary.Median!.Value)}, 90th percentile {Format(summary.Percentile90!.Value)} over {summary.Cases} case(s)";

    private static string Format(TimeSpan duration) => duration.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalDays:0.0} days")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0.0} hours");
}

/// <summary>What the command line asked <c>capture report</c> for.</summary>
internal sealed record ReportRequest(int Days, string? Since, string? Until, bool All, int Top, int SerialPrefix, int OrderBatchDigits);
