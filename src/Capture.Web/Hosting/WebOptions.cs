using System.Globalization;

namespace Capture.Web.Hosting;

/// <summary>The <c>Web</c> section: where the web UI and API listen, who may sign in, and how failed sign-ins are limited.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>Serve the web UI and API from <c>capture run</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens: one or more absolute http(s) URLs separated by <c>;</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The people who may sign in.</summary>
    public List<WebUserOptions> Users { get; set; } = [];

    /// <summary>Failed sign-ins allowed per client and login within <see cref="FailedSignInWindow"/>; further attempts get 429.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The window over which failed sign-ins are counted.</summary>
    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one client address may make per minute, right or wrong; further ones get 429.</summary>
    public int SignInsPerClientPerMinute { get; set; } = 60;

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The public intake form: limits, file types and rate.</summary>
    public IntakeOptions Intake { get; set; } = new();

    /// <summary>The largest file a person may upload through <c>POST /api/captures</c>.</summary>
    public long MaxUploadBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>The listening URLs, one by one.</summary>
    public IReadOnlyList<string> UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>What is wrong with these settings, each message naming the key and the fix; empty when they are fine.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (UrlList.Count == 0)
        {
            yield return "Web:Urls is empty: give the address to listen on, e.g. http://127.0.0.1:5080, or set Web:Enabled to false.";
        }

        foreach (var url in UrlList)
        {
            if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ||
                uri.Scheme is not ("http" or "https"))
            {
                yield return $"Web:Urls: '{url}' is not an http:// or https:// URL; write e.g. http://127.0.0.1:5080.";
            }
        }

        if (MaxFailedSignIns is < 1 or > 1000)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Web:MaxFailedSignIns must be between 1 and 1000, not {MaxFailedSignIns}.");
        }

        if (SignInsPerClientPerMinute is < 1 or > 100_000)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Web:SignInsPerClientPerMinute must be between 1 and 100000, not {SignInsPerClientPerMinute}.");
        }

        if (FailedSignInWindow < TimeSpan.FromSeconds(1) || FailedSignInWindow > TimeSpan.FromDays(1))
        {
            yield return $"Web:FailedSignInWindow must be between 00:00:01 and 1.00:00:00, not {FailedSignInWindow}.";
        }

        if (SessionLifetime < TimeSpan.FromMinutes(1) || SessionLifetime > TimeSpan.FromDays(30))
        {
            yield return $"Web:SessionLifetime must be between 00:01:00 and 30.00:00:00, not {SessionLifetime}.";
        }

        foreach (var problem in Intake.Problems($"{SectionName}:{nameof(Intake)}"))
        {
            yield return problem;
        }

        if (MaxUploadBytes is < 1024 or > 4L * 1024 * 1024 * 1024)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Web:MaxUploadBytes must be between 1024 and 4294967296, not {MaxUploadBytes}.");
        }

        for (var i = 0; i < Users.Count; i++)
        {
            foreach (var problem in Users[i].Problems(string.Create(CultureInfo.InvariantCulture, $"Web:Users:{i}")))
            {
                yield return problem;
            }
        }

        foreach (var login in Users.Where(u => !string.IsNullOrWhiteSpace(u.Login)).GroupBy(u => u.Login.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"Web:Users: the login '{login.Key}' is used twice; each person needs their own Login.";
        }
    }
}

/// <summary>One person who may sign in: <c>{ "Login", "Name", "PasswordHash", "Roles": [ "clerk" | "handler" | "supervisor" | "admin" ] }</c>.</summary>
public sealed class WebUserOptions
{
    /// <summary>What they type to sign in; also their handler login on cases.</summary>
    public string Login { get; set; } = "";

    /// <summary>Their name as shown on pages.</summary>
    public string? Name { get; set; }

    /// <summary>Their password as <c>capture web hash-password</c> printed it (ASP.NET Core's password hasher).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>What they may do.</summary>
    public List<string> Roles { get; set; } = [];

    internal IEnumerable<string> Problems(string key)
    {
        if (string.IsNullOrWhiteSpace(Login))
        {
            yield return $"{key}:Login is empty: give the name the person signs in with.";
        }

        if (!WebPasswords.LooksLikeHash(PasswordHash))
        {
            yield return $"{key}:PasswordHash is missing or not a password hash: make one with `capture web hash-password` and paste what it prints.";
        }

        if (Roles.Count == 0)
        {
            yield return $"{key}:Roles is empty: give one or more of {string.Join(", ", WebRoles.All)}.";
        }

        foreach (var role in Roles.Where(r => !WebRoles.All.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{key}:Roles: '{role}' is not a role; use {string.Join(", ", WebRoles.All)}.";
        }
    }
}
