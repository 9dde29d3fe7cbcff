using System.Globalization;
using Archive.Store.Cases;
using Archive.Store.Contacts;
using Capture.Web.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Capture.Web.Pages;

/// <summary>
/// <c>/cases/{reg}</c>: status with the allowed moves as buttons (for those who may change the case), handler, deadline,
/// days waiting, category (correctable), alerts and reminders, the contact (correctable, with history), the communication as text, documents with their originals
/// for download, and the history; the forms post back here.
/// </summary>
internal static class CasePage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/cases/{registrationNumber}").ExcludeFromDescription();
        page.MapGet("", ShowAsync).RequireAuthorization(WebPolicies.Read);
        page.MapPost("/status", ChangeStatusAsync).RequireAuthorization(WebPolicies.ChangeCases);
        page.MapPost("/assign", AssignAsync).RequireAuthorization(WebPolicies.AssignCases);
        page.MapPost("/reminders", SetReminderAsync).RequireAuthorization(WebPolicies.ChangeCases);
        page.MapPost("/category", ReclassifyAsync).RequireAuthorization(WebPolicies.ChangeCases);
        page.MapPost("/contact", EditContactAsync).RequireAuthorization(WebPolicies.ChangeCases);
    }

    private static async Task<IResult> ChangeStatusAsync(
        HttpContext context, CaseChanges changes, string registrationNumber, [FromForm] string? status, [FromForm] string? note) =>
        After(context, registrationNumber, await changes.ChangeStatusAsync(context.User, registrationNumber, status, note).ConfigureAwait(false));

    private static async Task<IResult> AssignAsync(
        HttpContext context, CaseChanges changes, string registrationNumber, [FromForm] string? user, [FromForm] string? note) =>
        After(context, registrationNumber, await changes.AssignAsync(context.User, registrationNumber, user, note).ConfigureAwait(false));

    private static async Task<IResult> SetReminderAsync(
        HttpContext context, CaseChanges changes, string registrationNumber, [FromForm] string? due, [FromForm] string? note) =>
        After(context, registrationNumber, await changes.SetReminderAsync(context.User, registrationNumber, due, note).ConfigureAwait(false));

    private static async Task<IResult> ReclassifyAsync(
        HttpContext context, CaseChanges changes, string registrationNumber, [FromForm] string? category, [FromForm] string? note) =>
        After(context, registrationNumber, await changes.ReclassifyAsync(context.User, registrationNumber, category, note).ConfigureAwait(false));

    /// <summary>A field the form posts empty clears the detail; one it does not post at all keeps it.</summary>
    private static async Task<IResult> EditContactAsync(HttpContext context, CaseChanges changes, string registrationNumber, IFormCollection form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        var edit = new ContactEdit(Field("name"), Field("phone"), Field("address"), Field("postcode"));
        return After(context, registrationNumber, await changes.EditContactAsync(context.User, registrationNumber, edit).ConfigureAwait(false));
    }

    /// <summary>Back to the case (post, redirect, get), or a page saying why the change was refused.</summary>
    private static IResult After(HttpContext context, string registrationNumber, CaseChangeOutcome outcome)
    {
        if (outcome.Case is { } updated)
        {
            return Results.Redirect(Layout.CasePath(updated.RegistrationNumber));
        }

        return Layout.Refusal(context, "The change was not made", registrationNumber, outcome);
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, ArchiveStore store, TimeProvider time, CaseChanges changes, IAuthorizationService authorization, WebUserDirectory users, string registrationNumber)
    {
        var record = store.FindCase(registrationNumber);
        var view = record is null ? null : CaseView.Load(store, record.RegistrationNumber, time.GetUtcNow());
        if (record is null || view is null)
        {
            var missing = new Html();
            missing.Append($"""<p class="problem">There is no case {registrationNumber}.</p>""");
            return Layout.Page(context, "No such case", missing.ToMarkup(), StatusCodes.Status404NotFound);
        }

        var mayChange = await changes.MayChangeAsync(context.User, record).ConfigureAwait(false);
        var mayAssign = (await authorization.AuthorizeAsync(context.User, WebPolicies.AssignCases).ConfigureAwait(false)).Succeeded;
        var body = new Html();
        var waiting = view.DaysWaiting is { } days ? $"{days} day(s)" : view.Status == "closed" ? "no: the case is closed" : "no: the company waits for the customer";
        body.Append($"""
            <dl class="case">
            <dt>Status</dt><dd class="status">{view.Status}</dd>
            <dt>Category</dt><dd>{view.Category}</dd>
            <dt>Contact</dt><dd>{view.Contact.Name ?? "-"} &lt;{view.Contact.Email ?? "-"}&gt;</dd>
            <dt>Subject</dt><dd>{view.Subject ?? "-"}</dd>
            <dt>Handler</dt><dd class="handler">{view.Handler ?? "unassigned"}{(view.Team is { } team ? $" (team {team})" : "")}</dd>
            <dt>Priority</dt><dd>{view.Priority}</dd>
            <dt>Waiting</dt><dd>{waiting}</dd>
            <dt>Deadline</dt><dd>{view.Deadline?.Describe(store.DeadlineTimeZone) ?? "none"}</dd>
            <dt>Opened</dt><dd>{Local(view.OpenedAt, store.DeadlineTimeZone)}</dd>
            </dl>
            """);
        if (mayChange)
        {
            WriteStatusForm(context, body, record);
            body.Append($"""<p class="reply"><a href="{Layout.CasePath(record.RegistrationNumber)}/reply">Write a reply to the customer</a></p>""");
        }

        if (mayAssign)
        {
            body.Append($"""
                <form class="assign" method="post" action="{Layout.CasePath(record.RegistrationNumber)}/assign">{Layout.AntiforgeryField(context)}
                <label>Give to <input name="user" required placeholder="login or team:NAME"></label> <label>Note <input name="note"></label> <button type="submit">Assign</button></form>
                """);
        }

        if (mayChange)
        {
            CaseCategoryForm.Write(context, body, view);
        }

        CaseReminderSection.Write(context, body, view, mayChange, store.DeadlineTimeZone);
        CaseContactSection.Write(context, body, store, record, mayChange);
        CaseCommunication.Write(body, store, record, users);
        WriteDocuments(body, view);
        body.Append($"<h2>History</h2><table class=\"history\"><thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead><tbody>");
        foreach (var entry in view.History)
        {
            body.Append($"<tr><td>{Local(entry.At, store.DeadlineTimeZone)}</td><td>{entry.Actor}</td><td>{entry.Kind}: {entry.Detail}</td></tr>");
        }

        body.Append($"</tbody></table>");
        return Layout.Page(context, $"{view.RegistrationNumber} — {view.Category}", body.ToMarkup());
    }

    private static void WriteStatusForm(HttpContext context, Html body, CaseRecord record)
    {
        var moves = CaseLifecycle.AllowedFrom(record.Status);
        if (moves.Count == 0)
        {
            return;
        }

        body.Append($"""
            <form class="status" method="post" action="{Layout.CasePath(record.RegistrationNumber)}/status">{Layout.AntiforgeryField(context)}
            <label>Note <input name="note"></label>
            """);
        foreach (var move in moves)
        {
            body.Append($"""<button type="submit" name="status" value="{ArchiveWords.Word(move)}">{ArchiveWords.Word(move)}</button> """);
        }

        body.Append($"</form>");
    }

    private static void WriteDocuments(Html body, CaseView view)
    {
        body.Append($"<h2>Documents</h2><table class=\"documents\"><thead><tr><th>Document</th><th>Received</th><th>Type</th><th>Pages</th><th>SHA-256</th></tr></thead><tbody>");
        foreach (var document in view.Documents)
        {
            body.Append($"""
                <tr><td><a href="{document.Links.Original}">{document.FileName}</a> <span class="meta">{document.Role}{(document.FromCompany ? " · sent to the customer" : "")}</span></td>
                <td>{document.ReceivedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td><td>{document.MediaType}</td><td>{document.Pages}</td><td><code>{document.Sha256[..Math.Min(12, document.Sha256.Length)]}</code></td></tr>
                """);
        }

        body.Append($"</tbody></table>");
    }

    internal static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

}
