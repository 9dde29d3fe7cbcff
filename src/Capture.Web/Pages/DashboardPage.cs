using System.Globalization;
using Archive.Store.Reports;
using Capture.Web.Reports;

namespace Capture.Web.Pages;

/// <summary>
/// <c>/dashboard</c>: for a period (the last 30 days unless asked otherwise), the cases per status, category, handler and
/// language, the time to first response and to closing, the deadlines at risk and missed, and the repeated problems —
/// the figures of <c>capture report</c>, drawn as bar charts.
/// </summary>
internal static class DashboardPage
{
    private static readonly int[] PresetDays = [7, 30, 90, 365];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/dashboard", Show).RequireAuthorization(WebPolicies.Supervise).ExcludeFromDescription();

    private static IResult Show(HttpContext context, ArchiveStore store, LetterVocabulary vocabulary, TimeProvider time, int? days, string? from, string? to)
    {
        var now = time.GetUtcNow();
        var zone = store.DeadlineTimeZone;
        var body = new Html();
        WritePeriodForm(body, days, from, to);
        var (settings, problem) = DashboardPeriod.From(days, from, to, zone, now);
        if (settings is null)
        {
            body.Append($"""<p class="problem" role="alert">{problem}</p>""");
            return Layout.Page(context, "Dashboard", body.ToMarkup(), StatusCodes.Status400BadRequest);
        }

        var report = store.Report(settings, now, vocabulary);
        body.Append($"""
            <p class="summary"><strong>{report.Cases}</strong> case(s) received from {Layout.Local(settings.Since!.Value, zone)} to {Layout.Local(report.Until, zone)}.</p>
            <div class="charts">
            {BarChart.Draw("status", "Cases per status", Counts(report.ByStatus))}
            {BarChart.Draw("category", "Cases per category", Counts(report.ByCategory))}
            {BarChart.Draw("handler", "Cases per handler", Counts(report.ByHandler))}
            {BarChart.Draw("language", "Cases per language", Counts(report.ByLanguage))}
            {BarChart.Draw("times", "Handling times (days)", Times(report))}
            {BarChart.Draw("deadlines", "Deadlines", Deadlines(report.Deadlines))}
            </div>
            """);
        WriteTimes(body, report);
        WriteDeadlines(body, report.Deadlines);
        WriteProblems(body, report.RepeatedProblems);
        return Layout.Page(context, "Dashboard", body.ToMarkup());
    }

    private static void WritePeriodForm(Html body, int? days, string? from, string? to)
    {
        var byDays = string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to);
        body.Append($"""<nav class="periods" aria-label="Period">""");
        foreach (var preset in PresetDays)
        {
            var current = byDays && (days ?? DashboardPeriod.DefaultDays) == preset ? new HtmlMarkup(""" aria-current="page" """) : default;
            body.Append($"""<a href="/dashboard?days={preset}"{current}>last {preset} days</a> """);
        }

        body.Append($"""
            </nav>
            <form class="filter" method="get" action="/dashboard">
            <label>From <input type="date" name="from" value="{from}"></label> <label>to <input type="date" name="to" value="{to}"></label> <button type="submit">Show</button></form>
            """);
    }

    private static IReadOnlyList<Bar> Counts(IReadOnlyList<ReportCount> counts) => BarChart.Counts(counts.Select(c => (c.Value, c.Cases)));

    private static List<Bar> Times(CaseReport report)
    {
        var bars = new List<Bar>();
        foreach (var (name, summary) in new[] { ("first response", report.TimeToFirstResponse), ("closing", report.TimeToClose) })
        {
            if (summary is { Median: { } median, Percentile90: { } p90 })
            {
                bars.Add(new Bar($"{name}, median", median.TotalDays, Duration(median)));
                bars.Add(new Bar($"{name}, 90th pct", p90.TotalDays, Duration(p90)));
            }
        }

        return bars;
    }

    private static List<Bar> Deadlines(DeadlineSummary deadlines) =>
    [
        new Bar("missed (open)", deadlines.Missed, deadlines.Missed.ToString(CultureInfo.InvariantCulture), "missed"),
        new Bar("at risk (open)", deadlines.AtRisk, deadlines.AtRisk.ToString(CultureInfo.InvariantCulture), "at-risk"),
        new Bar("closed late", deadlines.ClosedLate, deadlines.ClosedLate.ToString(CultureInfo.InvariantCulture), "missed"),
    ];

    private static void WriteTimes(Html body, CaseReport report)
    {
        body.Append($"""
            <h2>Handling times</h2>
            <table class="figures"><thead><tr><th>From receiving to</th><th>Cases</th><th>Median</th><th>90th percentile</th></tr></thead><tbody>
            <tr><th scope="row">first response</th>{Cells(report.TimeToFirstResponse)}</tr>
            <tr><th scope="row">closing</th>{Cells(report.TimeToClose)}</tr>
            </tbody></table>
            """);
    }

    private static HtmlMarkup Cells(DurationSummary summary)
    {
        var html = new Html();
        html.Append($"""<td>{summary.Cases}</td><td class="median">{Duration(summary.Median)}</td><td class="p90">{Duration(summary.Percentile90)}</td>""");
        return html.ToMarkup();
    }

    private static void WriteDeadlines(Html body, DeadlineSummary deadlines)
    {
        body.Append($"""<h2>Deadlines at risk and missed</h2><p class="deadlines">{deadlines.Missed} missed, {deadlines.AtRisk} at risk (open cases), {deadlines.ClosedLate} closed late.""");
        if (deadlines.Cases.Count > 0)
        {
            body.Append($" Most urgent first: ");
            foreach (var registrationNumber in deadlines.Cases)
            {
                body.Append($"""<a href="{Layout.CasePath(registrationNumber)}">{registrationNumber}</a> """);
            }
        }

        body.Append($"</p>");
    }

    private static void WriteProblems(Html body, RepeatedProblems problems)
    {
        body.Append($"<h2>Repeated problems</h2>");
        var lists = new[]
        {
            ("product", "Complaints per product", problems.Products),
            ("words", "Complaints per product word in their text", problems.ProductWords),
            ("serial", "Complaints per serial-number prefix", problems.SerialPrefixes),
            ("order", "Complaints per order batch", problems.OrderBatches),
        };
        if (lists.All(list => list.Item3.Count == 0))
        {
            body.Append($"""<p class="meta">No product, product word, serial prefix or order batch has two complaints or more in this period.</p>""");
            return;
        }

        foreach (var (id, title, clusters) in lists.Where(list => list.Item3.Count > 0))
        {
            body.Append($"""{BarChart.Draw("problems-" + id, title, BarChart.Counts(clusters.Select(c => (c.Key, c.Complaints))))}<ul class="examples">""");
            foreach (var cluster in clusters)
            {
                body.Append($"<li>{cluster.Key}: ");
                foreach (var example in cluster.Examples)
                {
                    body.Append($"""<a href="{Layout.CasePath(example)}">{example}</a> """);
                }

                body.Append($"</li>");
            }

            body.Append($"</ul>");
        }
    }

    /// <summary>A duration as people read it: hours under a day, days above.</summary>
    private static string Duration(TimeSpan? duration) => duration switch
    {
        null => "-",
        { TotalDays: >= 1 } days => string.Create(CultureInfo.InvariantCulture, $"{days.TotalDays:0.0} d"),
        { } hours => string.Create(CultureInfo.InvariantCulture, $"{hours.TotalHours:0.0} h"),
    };
}
