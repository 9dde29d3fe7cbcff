namespace Capture.Worker.Sources.Mail;

/// <summary>Waits that double after each failure in a row, from a first delay up to a ceiling.</summary>
internal sealed class ReconnectBackoff(TimeSpan first, TimeSpan ceiling)
{
    private int _failures;

    /// <summary>How many failures in a row so far.</summary>
    public int Failures => _failures;

    /// <summary>Counts a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures++, 30);
        var delay = first * Math.Pow(2, exponent);
        return delay < ceiling ? delay : ceiling;
    }

    /// <summary>Forgets the failures after a success.</summary>
    public void Reset() => _failures = 0;
}
