namespace Capture.Web.Queues;

/// <summary>
/// The people cases may be assigned to, from the host's assignment roster (Capture.Worker's <c>Roster:People</c>),
/// whether or not they can sign in to the web: the supervisor's queue shows the load of each of them.
/// </summary>
public interface IAssignmentRoster
{
    /// <summary>The roster's logins as configured, in the configured order; empty when no roster is configured.</summary>
    IReadOnlyList<string> Logins { get; }
}
