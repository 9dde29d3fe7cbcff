using System.Security.Claims;
using Archive.Store.Contacts;
using Capture.Web.Cases;

namespace Capture.Web.Api;

/// <summary><c>/api/cases/{reg}</c>: read a case (as <c>capture case show --json</c>), change its status, give it to someone.</summary>
internal static class CaseApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/cases/{registrationNumber}");
        cases.MapGet("", Show).RequireAuthorization(WebPolicies.Read).WithName("GetCase")
            .WithSummary("A case with its documents, history, deadline and alerts.");
        cases.MapPost("/status", ChangeStatusAsync).RequireAuthorization(WebPolicies.ChangeCases).WithName("ChangeCaseStatus")
            .WithSummary("Move a case to another status; refused moves give 409 with the allowed ones.");
        cases.MapPost("/assign", AssignAsync).RequireAuthorization(WebPolicies.AssignCases).WithName("AssignCase")
            .WithSummary("Give a case to a person (login) or a team's least-loaded member (team:NAME).");
        cases.MapPost("/contact", EditContactAsync).RequireAuthorization(WebPolicies.ChangeCases).WithName("EditCaseContact")
            .WithSummary("Correct the case's contact: a detail left out is kept, an empty one (\"\") is cleared; each change is in the contact's history with who made it.");
    }

    private static Results<Ok<CaseView>, ProblemHttpResult> Show(ArchiveStore store, TimeProvider time, string registrationNumber) =>
        CaseView.Load(store, registrationNumber, time.GetUtcNow()) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem($"There is no case {registrationNumber}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> ChangeStatusAsync(
        CaseChanges changes, ArchiveStore store, TimeProvider time, ClaimsPrincipal user, string registrationNumber, StatusChange body) =>
        Respond(await changes.ChangeStatusAsync(user, registrationNumber, body.Status, body.Note).ConfigureAwait(false), store, time);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> AssignAsync(
        CaseChanges changes, ArchiveStore store, TimeProvider time, ClaimsPrincipal user, string registrationNumber, Assignment body) =>
        Respond(await changes.AssignAsync(user, registrationNumber, body.User, body.Note).ConfigureAwait(false), store, time);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> EditContactAsync(
        CaseChanges changes, ArchiveStore store, TimeProvider time, ClaimsPrincipal user, string registrationNumber, ContactEdit body) =>
        Respond(await changes.EditContactAsync(user, registrationNumber, body).ConfigureAwait(false), store, time);

    /// <summary>The case as it is after a change, or the refusal as a problem (409 with the allowed moves).</summary>
    internal static Results<Ok<CaseView>, ProblemHttpResult> Respond(CaseChangeOutcome outcome, ArchiveStore store, TimeProvider time)
    {
        if (outcome.Case is { } updated)
        {
            return TypedResults.Ok(CaseView.Load(store, updated.RegistrationNumber, time.GetUtcNow())!);
        }

        var extensions = outcome.AllowedMoves.Count > 0 ? new Dictionary<string, object?> { ["allowed"] = outcome.AllowedMoves } : null;
        return TypedResults.Problem(outcome.Message, statusCode: outcome.StatusCode, extensions: extensions);
    }
}

/// <summary>The body of <c>POST /api/cases/{reg}/status</c>: the new status's word (<c>pending-on-customer</c>) and why.</summary>
internal sealed record StatusChange(string? Status, string? Note);

/// <summary>The body of <c>POST /api/cases/{reg}/assign</c>: a login or <c>team:NAME</c>, and why.</summary>
internal sealed record Assignment(string? User, string? Note);
