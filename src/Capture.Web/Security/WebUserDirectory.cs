using System.Security.Claims;
using Capture.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Capture.Web.Security;

/// <summary>The people of <c>Web:Users</c>: checks a login and password and says who signed in.</summary>
internal sealed class WebUserDirectory(IOptions<WebOptions> options)
{
    // Checked when the login is unknown, so that an unknown login takes as long to refuse as a wrong password.
    private static readonly Lazy<string> Decoy = new(() => WebPasswords.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>The signed-in person, or null when the login is unknown or the password wrong.</summary>
    public ClaimsPrincipal? SignIn(string? login, string? password)
    {
        var user = Find(login);
        if (!WebPasswords.Verify(user?.PasswordHash ?? Decoy.Value, password ?? "") || user is null)
        {
            return null;
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Login.Trim()),
            new(ClaimTypes.GivenName, string.IsNullOrWhiteSpace(user.Name) ? user.Login.Trim() : user.Name.Trim()),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role.Trim().ToLowerInvariant())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Whether <paramref name="login"/> is someone's login (letter case aside).</summary>
    public bool IsUser(string? login) => Find(login) is not null;

    /// <summary>The name <paramref name="login"/> goes by (<c>Web:Users:*:Name</c>), or the login itself when it has none or is no longer a user.</summary>
    public string DisplayNameOf(string login) => Find(login)?.Name is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : login;

    private WebUserOptions? Find(string? login) =>
        options.Value.Users.FirstOrDefault(u => string.Equals(u.Login.Trim(), login?.Trim(), StringComparison.OrdinalIgnoreCase));
}
