using System.Security.Claims;
using Archive.Store.Cases;
using Microsoft.AspNetCore.Authorization;

namespace Capture.Web.Security;

/// <summary>May this person change this case: supervisors and admins any case, a handler the cases they handle.</summary>
internal sealed class CaseChangeRequirement : IAuthorizationRequirement;

/// <summary>Decides <see cref="CaseChangeRequirement"/> against the case as stored.</summary>
internal sealed class CaseChangeAuthorizationHandler : AuthorizationHandler<CaseChangeRequirement, CaseRecord>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CaseChangeRequirement requirement, CaseRecord resource)
    {
        var user = context.User;
        if (user.IsInRole(WebRoles.Supervisor) || user.IsInRole(WebRoles.Admin) ||
            (user.IsInRole(WebRoles.Handler) && resource.Handler is { } handler &&
             string.Equals(handler, user.FindFirstValue(ClaimTypes.Name), StringComparison.OrdinalIgnoreCase)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
