namespace Archive.Store.Intake;

/// <summary>
/// Thrown when a capture names a source key the intake ledger already shows as committed or duplicate:
/// archiving it again would create the duplicate the ledger exists to prevent.
/// </summary>
public sealed class CaptureAlreadyCompletedException : InvalidOperationException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CaptureAlreadyCompletedException()
        : base("The item was already archived.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CaptureAlreadyCompletedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CaptureAlreadyCompletedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ledger entry as it stands.</summary>
    public IntakeClaim? Claim { get; init; }
}
