namespace Archive.Store.Cases;

/// <summary>Where a case stands in its lifecycle.</summary>
public enum CaseStatus
{
    /// <summary>Captured; nobody has looked at it yet.</summary>
    NotStarted,

    /// <summary>The customer waits for the company.</summary>
    PendingOnCompany,

    /// <summary>The company waits for the customer.</summary>
    PendingOnCustomer,

    /// <summary>Handled; nothing more is expected.</summary>
    Closed,

    /// <summary>The customer wrote to a closed case: it is open again and the customer waits for the company.</summary>
    Reopened,
}
