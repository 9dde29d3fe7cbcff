namespace Capture.Web.Security;

/// <summary>What a person may do: a clerk searches and reads, a handler changes their own cases, a supervisor all cases, an admin everything.</summary>
public static class WebRoles
{
    public const string Clerk = "clerk";
    public const string Handler = "handler";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    /// <summary>Every role, least to most.</summary>
    public static IReadOnlyList<string> All { get; } = [Clerk, Handler, Supervisor, Admin];
}
