using Archive.Store.Cases;
using Capture.Web.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Capture.Web.Pages;

/// <summary>
/// <c>/cases/{reg}/reply</c>: a reply to the case's customer, for its handler and supervisors. A template (chosen by
/// category and language, the case's own first) fills in the subject and text, which the person then edits; the post
/// sends it and returns to the case, or shows why it was not sent with what they wrote kept in the form.
/// </summary>
internal static class ReplyPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/cases/{registrationNumber}/reply").ExcludeFromDescription();
        page.MapGet("", ShowAsync).RequireAuthorization(WebPolicies.ChangeCases);
        page.MapPost("", SendAsync).RequireAuthorization(WebPolicies.ChangeCases);
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, CaseChanges changes, ICaseReplies replies, string registrationNumber, string? template)
    {
        var (record, refusal) = await changes.FindChangeableAsync(context.User, registrationNumber).ConfigureAwait(false);
        if (record is null)
        {
            return Refused(context, registrationNumber, refusal!);
        }

        var chosen = string.IsNullOrWhiteSpace(template) ? null : template.Trim();
        ReplyDraft draft;
        try
        {
            draft = chosen is null
                ? new ReplyDraft(CaseReplyRequests.DefaultSubject(record), "")
                : replies.Draft(record.RegistrationNumber, chosen, CaseReplyRequests.AuthorName(context.User));
        }
        catch (ArgumentException ex)
        {
            return Form(context, record, replies, chosen, new ReplyDraft(CaseReplyRequests.DefaultSubject(record), ""), ex.Message, StatusCodes.Status400BadRequest);
        }

        return Form(context, record, replies, chosen ?? replies.DefaultTemplateFor(record), draft, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SendAsync(
        HttpContext context, CaseReplyRequests requests, ICaseReplies replies, ArchiveStore store, string registrationNumber,
        [FromForm] string? subject, [FromForm] string? body)
    {
        var outcome = await requests.SendAsync(context.User, registrationNumber, new ReplyRequest(subject, body, null), context.RequestAborted).ConfigureAwait(false);
        if (outcome.Case is { } updated)
        {
            return Results.Redirect(Layout.CasePath(updated.RegistrationNumber));
        }

        return store.FindCase(registrationNumber) is { } record && outcome.StatusCode is not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
            ? Form(context, record, replies, null, new ReplyDraft(subject ?? "", body ?? ""), outcome.Message, outcome.StatusCode)
            : Refused(context, registrationNumber, outcome);
    }

    private static IResult Form(HttpContext context, CaseRecord record, ICaseReplies replies, string? template, ReplyDraft draft, string? problem, int statusCode)
    {
        var path = Layout.CasePath(record.RegistrationNumber) + "/reply";
        var body = new Html();
        if (problem is not null)
        {
            body.Append($"""<p class="problem" role="alert">{problem} The reply was not sent.</p>""");
        }

        body.Append($"""
            <p>To <strong>{record.ContactName ?? ""}</strong> &lt;{record.ContactEmail ?? "no e-mail address"}&gt;, in answer to <a href="{Layout.CasePath(record.RegistrationNumber)}">{record.RegistrationNumber}</a> ({ArchiveWords.Word(record.Category)}, {record.Language ?? "language unknown"}).</p>
            <form class="template" method="get" action="{path}"><label>Start from the template <select name="template">
            """);
        foreach (var option in replies.Templates)
        {
            var selected = string.Equals(option.Name, template, StringComparison.OrdinalIgnoreCase) ? new HtmlMarkup(" selected") : new HtmlMarkup("");
            body.Append($"""<option value="{option.Name}"{selected}>{option.Category} · {option.Language}</option>""");
        }

        body.Append($"""
            </select></label> <button type="submit">Use template</button></form>
            <form class="reply" method="post" action="{path}">{Layout.AntiforgeryField(context)}
            <label>Subject <input name="subject" value="{draft.Subject}" maxlength="300"></label>
            <label>Text <textarea name="body" rows="18" cols="80" required maxlength="{CaseReplyRequests.MaxBodyLength}">{draft.Body}</textarea></label>
            <p class="meta">The registration number is put in front of the subject when it is missing. The reply goes from Capture's mail address and joins the case; the case then waits for the customer.</p>
            <button type="submit">Send the reply</button></form>
            """);
        return Layout.Page(context, $"Reply on {record.RegistrationNumber}", body.ToMarkup(), statusCode);
    }

    private static IResult Refused(HttpContext context, string registrationNumber, CaseChangeOutcome outcome) =>
        Layout.Refusal(context, "No reply", registrationNumber, outcome);
}
