using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Capture.Web.Pages;

/// <summary><c>/signin</c> and <c>/signout</c>. Failed sign-ins are counted per client and login (<see cref="SignInThrottle"/>).</summary>
internal static partial class SignInPages
{
    public const string Path = "/signin";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).AllowAnonymous().RequireRateLimiting(WebRateLimits.SignIn).ExcludeFromDescription();
        app.MapPost("/signout", (Delegate)SignOutAsync).RequireAuthorization(WebPolicies.Read).ExcludeFromDescription();
    }

    private static IResult Show(HttpContext context, string? returnUrl) => Form(context, returnUrl, null, StatusCodes.Status200OK);

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        WebUserDirectory users,
        SignInThrottle throttle,
        ILoggerFactory loggers,
        [FromForm] string? login,
        [FromForm] string? password,
        [FromForm] string? returnUrl)
    {
        var logger = loggers.CreateLogger(typeof(SignInPages));
        var key = SignInThrottle.Key(context.Connection.RemoteIpAddress?.ToString(), login);
        if (throttle.IsLockedOut(key))
        {
            LogLockedOut(logger, Loggable(users, login));
            return Form(context, returnUrl, "Too many failed sign-ins; wait a while before trying again.", StatusCodes.Status429TooManyRequests);
        }

        var principal = users.SignIn(login, password);
        if (principal is null)
        {
            LogRefused(logger, Loggable(users, login));
            return throttle.RecordFailure(key)
                ? Form(context, returnUrl, "The login or password is wrong.", StatusCodes.Status401Unauthorized)
                : Form(context, returnUrl, "Too many failed sign-ins; wait a while before trying again.", StatusCodes.Status429TooManyRequests);
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
        LogSignedIn(logger, principal.Identity!.Name);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl! : "/search");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return Results.Redirect(Path);
    }

    private static IResult Form(HttpContext context, string? returnUrl, string? problem, int statusCode)
    {
        var body = new Html();
        if (problem is not null)
        {
            body.Append($"""<p class="problem" role="alert">{problem}</p>""");
        }

        body.Append($"""
            <form class="signin" method="post" action="{Path}">{Layout.AntiforgeryField(context)}
            <input type="hidden" name="returnUrl" value="{(IsLocal(returnUrl) ? returnUrl : "/search")}">
            <label>Login <input name="login" autocomplete="username" required autofocus></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form>
            """);
        return Layout.Page(context, "Sign in", body.ToMarkup(), statusCode);
    }

    /// <summary>
    /// A refused login is logged only when it is a user's (someone guessing that person's password); anything else typed
    /// there may be a password typed in the wrong box, and the log must never hold one.
    /// </summary>
    private static string Loggable(WebUserDirectory users, string? login) => users.IsUser(login) ? login!.Trim() : "an unknown login";

    /// <summary>Only a path of this site, never another site (<c>//evil</c> or <c>/\evil</c>), is followed after sign-in.</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    [LoggerMessage(Level = LogLevel.Information, Message = "Web sign-in of {Login}")]
    private static partial void LogSignedIn(ILogger logger, string? login);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web sign-in refused for {Login}: wrong login or password")]
    private static partial void LogRefused(ILogger logger, string? login);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web sign-in refused for {Login}: too many failed attempts")]
    private static partial void LogLockedOut(ILogger logger, string? login);
}
