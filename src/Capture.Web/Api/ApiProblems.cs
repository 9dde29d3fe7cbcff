namespace Capture.Web.Api;

/// <summary>The problem answers the API gives when a request cannot be served as asked (RFC 9457 problem details).</summary>
internal static class ApiProblems
{
    /// <summary>400: what was asked cannot be done; <paramref name="title"/> says which part, <paramref name="detail"/> what to change.</summary>
    public static ProblemHttpResult BadRequest(string? detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);
}
