namespace Archive.Store.Cases;

/// <summary>Thrown when an operation names a case the archive does not hold.</summary>
public sealed class CaseNotFoundException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CaseNotFoundException()
        : base("The case does not exist.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CaseNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CaseNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The registration number that was looked for, when known.</summary>
    public string? RegistrationNumber { get; init; }

    internal static CaseNotFoundException ForRegistrationNumber(string registrationNumber) =>
        new($"No case has the registration number '{registrationNumber}'.") { RegistrationNumber = registrationNumber };
}
