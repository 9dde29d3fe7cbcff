using System.Globalization;
using System.Security.Claims;
using Capture.Web.Hosting;
using Capture.Web.Queues;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Capture.Web.Pages;

/// <summary>
/// The work lists: <c>/work</c> (the signed-in handler's open cases, most urgent first), <c>/triage</c> (the cases whose
/// category was not decided, oldest first) and <c>/queue</c> (every open case for supervisors, filtered by handler and
/// status, with each handler's load and a form per case to give it to someone else).
/// </summary>
internal static class WorkPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/work", Work).RequireAuthorization(WebPolicies.ChangeCases).ExcludeFromDescription();
        app.MapGet("/triage", Triage).RequireAuthorization(WebPolicies.ChangeCases).ExcludeFromDescription();
        app.MapGet("/queue", Queue).RequireAuthorization(WebPolicies.Supervise).ExcludeFromDescription();
        app.MapPost("/queue/{registrationNumber}/assign", ReassignAsync).RequireAuthorization(WebPolicies.AssignCases).ExcludeFromDescription();
    }

    private static IResult Work(HttpContext context, ArchiveStore store, TimeProvider time)
    {
        var work = CaseQueues.Work(store, context.User.FindFirstValue(ClaimTypes.Name)!, time.GetUtcNow());
        var body = new Html();
        body.Append($"""<p class="summary">{work.Cases.Count} open case(s), the most urgent first: missed deadlines, then at risk, then by priority and days waiting.</p>""");
        WriteTable(body, work.Cases, store.DeadlineTimeZone, withHandler: false, reassign: null);
        return Layout.Page(context, "My work", body.ToMarkup());
    }

    private static IResult Triage(HttpContext context, ArchiveStore store, TimeProvider time)
    {
        var triage = CaseQueues.Triage(store, time.GetUtcNow());
        var zone = store.DeadlineTimeZone;
        var body = new Html();
        body.Append($"""
            <p class="summary">{triage.Cases.Count} case(s) whose category the classifier did not decide, the oldest first. Open one to set its category.</p>
            <table class="queue"><thead><tr><th>Case</th><th>Received</th><th>Classifier's guess</th><th>Subject</th><th>Contact</th><th>Status</th><th>Handler</th></tr></thead><tbody>
            """);
        foreach (var row in triage.Cases)
        {
            body.Append($"""
                <tr><td class="reg">{CaseLink(row)}</td><td class="when">{Layout.Local(row.ReceivedAt, zone)}</td><td>{row.SuggestedCategory ?? "-"}</td><td>{row.Subject ?? "-"}</td>
                <td>{Contact(row)}</td><td>{row.Status}</td><td>{row.Handler ?? CaseQueues.Unassigned}</td></tr>
                """);
        }

        body.Append($"</tbody></table>");
        return Layout.Page(context, "Triage", body.ToMarkup());
    }

    private static IResult Queue(
        HttpContext context, ArchiveStore store, IOptions<WebOptions> web, IAssignmentRoster roster, TimeProvider time, string? handler, string? status)
    {
        var (queue, problem) = CaseQueues.Queue(store, web.Value, roster, handler, status, time.GetUtcNow());
        var body = new Html();
        if (queue is null)
        {
            body.Append($"""<p class="problem" role="alert">{problem}</p><p><a href="/queue">The whole queue</a></p>""");
            return Layout.Page(context, "Queue", body.ToMarkup(), StatusCodes.Status400BadRequest);
        }

        WriteLoads(body, queue);
        body.Append($"""
            <form class="filter" method="get" action="/queue">
            <label>Handler <input name="handler" value="{queue.Handler}" list="handlers" placeholder="anyone"></label>
            <label>Status <select name="status"><option value="">any open</option>
            """);
        foreach (var word in CaseQueues.OpenStatuses)
        {
            body.Append($"""<option value="{word}"{(word == queue.Status ? new HtmlMarkup(" selected") : default)}>{word}</option>""");
        }

        body.Append($"""
            </select></label> <button type="submit">Filter</button></form>
            <datalist id="handlers">
            """);
        foreach (var load in queue.Handlers)
        {
            body.Append($"""<option value="{load.Handler}"></option>""");
        }

        body.Append($"""</datalist><p class="summary">{queue.Cases.Count} open case(s) shown, the most urgent first.</p>""");
        var antiforgery = Layout.AntiforgeryField(context);
        WriteTable(body, queue.Cases, store.DeadlineTimeZone, withHandler: true, reassign: row => Reassign(row, queue, antiforgery));
        return Layout.Page(context, "Queue", body.ToMarkup());
    }

    /// <summary>Gives the case to someone through the same path as the case page's form, then back to the queue as it was filtered.</summary>
    private static async Task<IResult> ReassignAsync(
        HttpContext context,
        Cases.CaseChanges changes,
        string registrationNumber,
        [FromForm] string? user,
        [FromForm] string? note,
        [FromForm(Name = "queue-handler")] string? queueHandler,
        [FromForm(Name = "queue-status")] string? queueStatus)
    {
        var outcome = await changes.AssignAsync(context.User, registrationNumber, user, note).ConfigureAwait(false);
        if (outcome.Case is not null)
        {
            return Results.Redirect(QueuePath(queueHandler, queueStatus));
        }

        var body = new Html();
        body.Append($"""<p class="problem" role="alert">{outcome.Message}</p><p><a href="{QueuePath(queueHandler, queueStatus)}">Back to the queue</a></p>""");
        return Layout.Page(context, "The change was not made", body.ToMarkup(), outcome.StatusCode);
    }

    private static void WriteLoads(Html body, QueueView queue)
    {
        body.Append($"""<h2>Handlers' load</h2>{BarChart.Draw("loads", "Open cases per handler", [.. queue.Handlers.Select(load => new Bar(load.Handler, load.Open, Load(load), load.Missed > 0 ? "missed" : load.AtRisk > 0 ? "at-risk" : null))])}<table class="loads"><thead><tr><th>Handler</th><th>Open</th><th>Waiting for us</th><th>At risk</th><th>Missed</th></tr></thead><tbody>""");
        foreach (var load in queue.Handlers)
        {
            body.Append($"""
                <tr><td><a href="{QueuePath(load.Handler, queue.Status)}">{load.Handler}</a></td><td>{load.Open}</td><td>{load.WaitingForCompany}</td>
                <td>{load.AtRisk}</td><td>{load.Missed}</td></tr>
                """);
        }

        body.Append($"</tbody></table><h2>Open cases</h2>");
    }

    private static string Load(HandlerLoadView load) => load.Missed + load.AtRisk == 0
        ? load.Open.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{load.Open} ({load.Missed} missed, {load.AtRisk} at risk)");

    private static HtmlMarkup Reassign(QueueRow row, QueueView queue, HtmlMarkup antiforgery)
    {
        var html = new Html();
        html.Append($"""
            <form class="reassign" method="post" action="/queue/{Uri.EscapeDataString(row.RegistrationNumber)}/assign">{antiforgery}
            <input type="hidden" name="queue-handler" value="{queue.Handler}"><input type="hidden" name="queue-status" value="{queue.Status}">
            <input name="user" list="handlers" required placeholder="login or team:NAME" aria-label="Give {row.RegistrationNumber} to"> <button type="submit">Reassign</button></form>
            """);
        return html.ToMarkup();
    }

    /// <summary>The table of open cases shared by <c>/work</c> and <c>/queue</c>; <paramref name="reassign"/> adds a form per row.</summary>
    private static void WriteTable(Html body, IReadOnlyList<QueueRow> rows, TimeZoneInfo zone, bool withHandler, Func<QueueRow, HtmlMarkup>? reassign)
    {
        body.Append($"""<table class="queue"><thead><tr><th>Case</th><th>Subject</th><th>Category</th><th>Contact</th>""");
        if (withHandler)
        {
            body.Append($"<th>Handler</th>");
        }

        body.Append($"<th>Status</th><th>Deadline</th><th>Waiting</th><th>Priority</th><th>Next alert</th>");
        if (reassign is not null)
        {
            body.Append($"<th>Reassign</th>");
        }

        body.Append($"</tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Append($"""<tr class="{row.DeadlineStanding}"><td class="reg">{CaseLink(row)}</td><td>{row.Subject ?? "-"}</td><td>{row.Category}</td><td>{Contact(row)}</td>""");
            if (withHandler)
            {
                body.Append($"""<td class="handler">{row.Handler ?? CaseQueues.Unassigned}</td>""");
            }

            body.Append($"""
                <td>{row.Status}</td><td class="when"><span class="standing {row.DeadlineStanding}">{row.DeadlineStanding}</span>{(row.DueAt is not null ? new HtmlMarkup("<br>due ") : default)}{(row.DueAt is { } dueAt ? Layout.Local(dueAt, zone) : "")}</td>
                <td>{(row.DaysWaiting is { } days ? $"{days} d" : "-")}</td><td>{row.Priority}</td><td class="when">{(row.NextAlertAt is { } next ? Layout.Local(next, zone) : "-")}</td>
                """);
            if (reassign is not null)
            {
                body.Append($"<td>{reassign(row)}</td>");
            }

            body.Append($"</tr>");
        }

        body.Append($"</tbody></table>");
    }

    private static HtmlMarkup CaseLink(QueueRow row)
    {
        var html = new Html();
        html.Append($"""<a href="{Layout.CasePath(row.RegistrationNumber)}">{row.RegistrationNumber}</a>""");
        return html.ToMarkup();
    }

    private static string Contact(QueueRow row) => row.Contact.Name ?? row.Contact.Email ?? "-";

    private static string QueuePath(string? handler, string? status)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(handler))
        {
            query.Add("handler=" + Uri.EscapeDataString(handler.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            query.Add("status=" + Uri.EscapeDataString(status.Trim()));
        }

        return query.Count == 0 ? "/queue" : "/queue?" + string.Join('&', query);
    }
}
