using System.Security.Claims;
using Capture.Web.Hosting;
using Capture.Web.Queues;
using Microsoft.Extensions.Options;

namespace Capture.Web.Api;

/// <summary><c>/api/work</c>, <c>/api/triage</c>, <c>/api/queue</c>: the work lists of the pages of the same names.</summary>
internal static class WorkApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/work", Work).RequireAuthorization(WebPolicies.ChangeCases).WithName("GetMyWork")
            .WithSummary("The signed-in handler's open cases, most urgent first (missed, at risk, priority, days waiting).");
        api.MapGet("/triage", Triage).RequireAuthorization(WebPolicies.ChangeCases).WithName("GetTriage")
            .WithSummary("The cases whose category the classifier did not decide, oldest first.");
        api.MapGet("/queue", Queue).RequireAuthorization(WebPolicies.Supervise).WithName("GetQueue")
            .WithSummary("Every open case by urgency, optionally one handler's (or 'unassigned') and one status, with each handler's load.");
    }

    private static Ok<WorkList> Work(ArchiveStore store, TimeProvider time, ClaimsPrincipal user) =>
        TypedResults.Ok(CaseQueues.Work(store, user.FindFirstValue(ClaimTypes.Name)!, time.GetUtcNow()));

    private static Ok<TriageList> Triage(ArchiveStore store, TimeProvider time) =>
        TypedResults.Ok(CaseQueues.Triage(store, time.GetUtcNow()));

    private static Results<Ok<QueueView>, ProblemHttpResult> Queue(
        ArchiveStore store, IOptions<WebOptions> web, IAssignmentRoster roster, TimeProvider time, string? handler, string? status)
    {
        var (queue, problem) = CaseQueues.Queue(store, web.Value, roster, handler, status, time.GetUtcNow());
        return queue is not null
            ? TypedResults.Ok(queue)
            : ApiProblems.BadRequest(problem, "The queue cannot be filtered as asked.");
    }
}
