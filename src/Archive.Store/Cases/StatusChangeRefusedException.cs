namespace Archive.Store.Cases;

/// <summary>A status change the lifecycle does not allow; the message names the allowed ones.</summary>
public sealed class StatusChangeRefusedException : InvalidOperationException
{
    public StatusChangeRefusedException()
    {
    }

    public StatusChangeRefusedException(string message)
        : base(message)
    {
    }

    public StatusChangeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static StatusChangeRefusedException For(CaseRecord caseRecord, CaseStatus to)
    {
        var allowed = CaseLifecycle.AllowedFrom(caseRecord.Status);
        var options = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
        return new StatusChangeRefusedException(
            $"{caseRecord.RegistrationNumber} is {caseRecord.Status}; it cannot move to {to}. From {caseRecord.Status} it can move to: {options}.");
    }
}
