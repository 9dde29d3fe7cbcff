using Microsoft.AspNetCore.Authorization;

namespace Capture.Web.Security;

/// <summary>The authorization policies every page and endpoint names explicitly.</summary>
internal static class WebPolicies
{
    /// <summary>Search and read cases: every role.</summary>
    public const string Read = "read";

    /// <summary>Change cases at all (each case is then checked with <see cref="ChangeThisCase"/>): handlers, supervisors, admins.</summary>
    public const string ChangeCases = "change-cases";

    /// <summary>Change one particular case: a handler only their own, supervisors and admins any.</summary>
    public const string ChangeThisCase = "change-this-case";

    /// <summary>Give cases to people: supervisors and admins.</summary>
    public const string AssignCases = "assign-cases";

    /// <summary>See every open case and the dashboard: supervisors and admins.</summary>
    public const string Supervise = "supervise";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, policy => policy.RequireRole(WebRoles.All));
        options.AddPolicy(ChangeCases, policy => policy.RequireRole(WebRoles.Handler, WebRoles.Supervisor, WebRoles.Admin));
        options.AddPolicy(ChangeThisCase, policy => policy.AddRequirements(new CaseChangeRequirement()));
        options.AddPolicy(Supervise, policy => policy.RequireRole(WebRoles.Supervisor, WebRoles.Admin));
        options.AddPolicy(AssignCases, policy => policy.RequireRole(WebRoles.Supervisor, WebRoles.Admin));

        // Anything mapped without a policy of its own still needs a signed-in person.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
