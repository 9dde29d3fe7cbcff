using System.Security.Claims;
using Capture.Web.Cases;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Web.Pages;

/// <summary>The frame of every page: head, navigation with who is signed in, and the anti-forgery field of forms.</summary>
internal static class Layout
{
    public static IResult Page(HttpContext context, string title, HtmlMarkup body, int statusCode = StatusCodes.Status200OK)
    {
        var user = context.User.Identity?.IsAuthenticated == true ? context.User : null;
        var html = new Html();
        html.Append($"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Capture</title><link rel="stylesheet" href="/static/capture.css"></head>
            <body>
            <header><a class="brand" href="/search">Capture</a>
            """);
        if (user is not null)
        {
            html.Append($"""
                <nav><a href="/search">Search</a>{Navigation(user)}</nav>
                <form class="signout" method="post" action="/signout">{AntiforgeryField(context)}<span>{user.FindFirstValue(ClaimTypes.GivenName)} ({string.Join(", ", user.FindAll(ClaimTypes.Role).Select(c => c.Value))})</span> <button type="submit">Sign out</button></form>
                """);
        }

        html.Append($"</header>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n");
        return Results.Text(html.ToString(), "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>A page saying why a change to a case was refused, with the way back to the case.</summary>
    public static IResult Refusal(HttpContext context, string title, string registrationNumber, CaseChangeOutcome outcome)
    {
        var body = new Html();
        body.Append($"""<p class="problem" role="alert">{outcome.Message}</p><p><a href="{CasePath(registrationNumber)}">Back to {registrationNumber}</a></p>""");
        return Page(context, title, body.ToMarkup(), outcome.StatusCode);
    }

    /// <summary>The hidden field a form posts back so the server knows the post came from its own page.</summary>
    public static HtmlMarkup AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var html = new Html();
        html.Append($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
        return html.ToMarkup();
    }

    /// <summary>The links to the work lists and the dashboard, for the roles that may open them.</summary>
    private static HtmlMarkup Navigation(ClaimsPrincipal user) => new(
        (user.IsInRole(WebRoles.Handler) || user.IsInRole(WebRoles.Supervisor) || user.IsInRole(WebRoles.Admin) ? """ <a href="/work">My work</a> <a href="/triage">Triage</a>""" : "") +
        (user.IsInRole(WebRoles.Supervisor) || user.IsInRole(WebRoles.Admin) ? """ <a href="/queue">Queue</a> <a href="/dashboard">Dashboard</a>""" : ""));

    /// <summary>An instant as the pages write it: to the minute, in <paramref name="zone"/>.</summary>
    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A path of this site for a registration number (encoded as one segment).</summary>
    public static string CasePath(string registrationNumber) => "/cases/" + Uri.EscapeDataString(registrationNumber);
}
