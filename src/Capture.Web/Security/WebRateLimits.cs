using System.Threading.RateLimiting;
using Capture.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Capture.Web.Security;

/// <summary>
/// ASP.NET Core rate limiting of sign-in posts per client address (<c>Web:SignInsPerClientPerMinute</c>), whether they
/// succeed or not: one client cannot spray many logins. Failures per login are counted by <see cref="SignInThrottle"/>.
/// </summary>
internal static class WebRateLimits
{
    public const string SignIn = "sign-in";

    public static void Add(RateLimiterOptions options, WebOptions web)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = web.SignInsPerClientPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}
