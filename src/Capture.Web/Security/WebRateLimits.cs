using System.Threading.RateLimiting;
using Capture.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Capture.Web.Security;

/// <summary>
/// ASP.NET Core rate limiting of sign-in posts per client address (<c>Web:SignInsPerClientPerMinute</c>), whether they
/// succeed or not: one client cannot spray many logins. Failures per login are counted by <see cref="SignInThrottle"/>.
/// </summary>
internal static class WebRateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>Submissions of the public intake form per client address (<c>Web:Intake:SubmissionsPerClientPerHour</c>).</summary>
    public const string Intake = "intake";

    public static void Add(RateLimiterOptions options, WebOptions web)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, cancellationToken) =>
        {
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            return new ValueTask(context.HttpContext.Response.WriteAsync("Too many requests from your address; wait a while and try again.", cancellationToken));
        };
        options.AddPolicy(SignIn, context => PerClient(context, web.SignInsPerClientPerMinute, TimeSpan.FromMinutes(1)));
        options.AddPolicy(Intake, context => PerClient(context, web.Intake.SubmissionsPerClientPerHour, TimeSpan.FromHours(1)));
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permits, TimeSpan window) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
