using Archive.Store.Reports;
using Capture.Web.Reports;

namespace Capture.Web.Api;

/// <summary><c>GET /api/dashboard</c>: the figures of the dashboard, as <c>capture report --json</c> prints them.</summary>
internal static class DashboardApi
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/dashboard", Dashboard)
        .RequireAuthorization(WebPolicies.Supervise)
        .WithName("GetDashboard")
        .WithSummary("Cases per status, category, handler and language, response and closing times, deadlines and repeated problems for a period (days=30 by default, or from/to as yyyy-MM-dd).");

    private static Results<Ok<CaseReport>, ProblemHttpResult> Dashboard(ArchiveStore store, LetterVocabulary vocabulary, TimeProvider time, int? days, string? from, string? to)
    {
        var now = time.GetUtcNow();
        var (settings, problem) = DashboardPeriod.From(days, from, to, store.DeadlineTimeZone, now);
        return settings is null
            ? ApiProblems.BadRequest(problem, "The period is not valid.")
            : TypedResults.Ok(store.Report(settings, now, vocabulary));
    }
}
