namespace Archive.Store.Storage;

/// <summary>
/// Named places where durability tests kill the process on purpose: when the environment variable
/// <c>CAPTURE_CRASH_AT</c> names a point, the process ends there at once (<see cref="Environment.FailFast(string)"/>:
/// no <c>finally</c> blocks, no disposal, no commit), as a power cut or SIGKILL would end it. Unset — always, in
/// production — each point is one comparison with null.
/// </summary>
internal static class CrashPoints
{
    /// <summary>A case's registration number is allocated and its records and files are written, but not committed.</summary>
    public const string CaseOpenBeforeCommit = "case-open-before-commit";

    private static readonly string? Armed = Environment.GetEnvironmentVariable("CAPTURE_CRASH_AT");

    /// <summary>Ends the process when <paramref name="point"/> is armed.</summary>
    public static void Reach(string point)
    {
        if (Armed is not null && string.Equals(Armed, point, StringComparison.Ordinal))
        {
            Environment.FailFast($"Crash injected at {point} (CAPTURE_CRASH_AT).");
        }
    }
}
