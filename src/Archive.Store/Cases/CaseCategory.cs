namespace Archive.Store.Cases;

/// <summary>What kind of letter opened the case.</summary>
public enum CaseCategory
{
    /// <summary>The classifier abstained; the case waits for triage.</summary>
    Unclassified,

    /// <summary>A complaint.</summary>
    Complaint,

    /// <summary>A suggestion.</summary>
    Suggestion,

    /// <summary>A thank-you letter.</summary>
    Thanks,
}
