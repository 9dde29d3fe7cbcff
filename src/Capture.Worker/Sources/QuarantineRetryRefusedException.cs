namespace Capture.Worker.Sources;

/// <summary>A quarantine record cannot be retried (resolved already, or its bytes were not kept); the message says why and what to do.</summary>
public sealed class QuarantineRetryRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public QuarantineRetryRefusedException()
        : base("The quarantine record cannot be retried.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why, and what to do.</param>
    public QuarantineRetryRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Why, and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public QuarantineRetryRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
