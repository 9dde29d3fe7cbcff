using Archive.Store.Cases;

namespace Archive.Store.Classification;

/// <summary>
/// A person's decision about a case's category, kept for good: it is the case's category from then on, and a labelled
/// example the classifier is retrained on (<c>capture train</c>).
/// </summary>
public sealed class CategoryCorrection
{
    /// <summary>The record's identifier.</summary>
    public string Id { get; set; } = "";

    /// <summary>The case's identifier.</summary>
    public string CaseId { get; set; } = "";

    /// <summary>The case's registration number.</summary>
    public string RegistrationNumber { get; set; } = "";

    /// <summary>The category before (<see cref="CaseCategory.Unclassified"/> for a triage decision).</summary>
    public CaseCategory From { get; set; }

    /// <summary>The category the person chose.</summary>
    public CaseCategory To { get; set; }

    /// <summary>The case's language (ISO 639-1), if known; the classifier is measured per language.</summary>
    public string? Language { get; set; }

    /// <summary>Who decided.</summary>
    public string By { get; set; } = "";

    /// <summary>Why, if they said.</summary>
    public string? Note { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
