using System.Threading.RateLimiting;
using Capture.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Capture.Web.Security;

/// <summary>
/// Counts failed sign-ins per client address and login in a fixed window (<c>Web:MaxFailedSignIns</c> per
/// <c>Web:FailedSignInWindow</c>). Once the permits are used up, every attempt for that pair is refused with 429
/// without checking the password, so guessing cannot go on while locked out; a right password does not use a permit.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(IOptions<WebOptions> options)
    {
        var web = options.Value;
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = web.MaxFailedSignIns,
            Window = web.FailedSignInWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);
    }

    /// <summary>The key of a client and the login it tries.</summary>
    public static string Key(string? clientAddress, string? login) => $"{clientAddress ?? "unknown"}|{login?.Trim().ToUpperInvariant()}";

    /// <summary>True when the pair has used up its failures in the current window.</summary>
    public bool IsLockedOut(string key) => _failures.GetStatistics(key)?.CurrentAvailablePermits == 0;

    /// <summary>Counts a failure; false when it was one too many.</summary>
    public bool RecordFailure(string key)
    {
        using var lease = _failures.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _failures.Dispose();
}
