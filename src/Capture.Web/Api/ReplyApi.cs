using System.Security.Claims;
using Capture.Web.Cases;

namespace Capture.Web.Api;

/// <summary><c>POST /api/cases/{reg}/replies</c>: send a reply to the case's customer; <c>GET /api/reply-templates</c>: the templates there are.</summary>
internal static class ReplyApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{registrationNumber}/replies", SendAsync).RequireAuthorization(WebPolicies.ChangeCases).WithName("SendReply")
            .WithSummary("Send a reply (or a template as it is) to the case's customer; it joins the case, which then waits for the customer. 502 when the mail server did not take it (nothing is recorded).");
        api.MapGet("/reply-templates", (ICaseReplies replies) => TypedResults.Ok(replies.Templates)).RequireAuthorization(WebPolicies.ChangeCases)
            .WithName("ListReplyTemplates").WithSummary("The reply templates, by category and language.");
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> SendAsync(
        CaseReplyRequests requests, ArchiveStore store, TimeProvider time, ClaimsPrincipal user, string registrationNumber, ReplyRequest body, CancellationToken cancellationToken) =>
        CaseApi.Respond(await requests.SendAsync(user, registrationNumber, body, cancellationToken).ConfigureAwait(false), store, time);
}
