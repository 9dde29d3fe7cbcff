using System.Text.Encodings.Web;
using Capture.Web.Api;
using Capture.Web.Cases;
using Capture.Web.Pages;
using Capture.Web.Previews;
using Capture.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Capture.Web.Hosting;

/// <summary>
/// Adds the web UI and API to a host that has the archive (<see cref="Archive.Store.ArchiveStore"/>,
/// <see cref="Archive.Search.ArchiveIndex"/>), an <see cref="ICaseUpdates"/> and an <see cref="IPagePreviewRenderer"/>, and maps its pages and endpoints.
/// </summary>
public static class CaptureWebExtensions
{
    /// <summary>Registers sign-in, roles, anti-forgery, rate limits, OpenAPI, and Kestrel on <c>Web:Urls</c>.</summary>
    public static WebApplicationBuilder AddCaptureWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        builder.WebHost.UseUrls([.. web.UrlList]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<WebUserDirectory>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<IAuthorizationHandler, CaseChangeAuthorizationHandler>();
        services.AddScoped<CaseChanges>();
        services.AddScoped<CaseReplyRequests>();
        services.AddSingleton<PagePreviewCache>();
        // The host that knows the company's sample letters registers their vocabulary; without it only stop words are left out.
        services.TryAddSingleton(Archive.Store.Reports.LetterVocabulary.Empty);

        WebKeyRing.Add(services);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "capture.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = web.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPages.Path;
            cookie.AccessDeniedPath = SignInPages.Path;
            cookie.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization(WebPolicies.Add);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "capture.antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(limits => WebRateLimits.Add(limits, web));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return builder;
    }

    /// <summary>Maps the pages, <c>/api</c> and <c>/openapi/v1.json</c>, each with its policy, behind the security headers.</summary>
    public static WebApplication MapCaptureWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi().RequireAuthorization(WebPolicies.Read);
        var api = app.MapGroup("/api").WithTags("Capture");
        SearchApi.Map(api);
        CaseApi.Map(api);
        WorkApi.Map(api);
        DashboardApi.Map(api);
        ReplyApi.Map(api);
        CaptureApi.Map(api);

        Stylesheet.Map(app);
        SignInPages.Map(app);
        SearchPage.Map(app);
        CasePage.Map(app);
        ReplyPage.Map(app);
        IntakePage.Map(app);
        OriginalDownload.Map(app);
        PagePreviewEndpoint.Map(app);
        WorkPages.Map(app);
        DashboardPage.Map(app);
        return app;
    }

    /// <summary>Pages send people to sign in; the API answers 401 or 403, which a program can act on.</summary>
    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ||
            context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase) ||
            !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        if (apiStatus == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
