using Archive.Store.Cases;
using Capture.Classifier.Classification;

namespace Capture.Worker.Pipeline;

/// <summary>Translates between the classifier's, the store's and the search index's words for the same things.</summary>
internal static class ArchiveVocabulary
{
    public static CaseCategory ToCaseCategory(DocumentCategory category) => category switch
    {
        DocumentCategory.Complaint => CaseCategory.Complaint,
        DocumentCategory.Suggestion => CaseCategory.Suggestion,
        DocumentCategory.Thanks => CaseCategory.Thanks,
        _ => CaseCategory.Unclassified,
    };

    public static DocumentCategory ToDocumentCategory(CaseCategory category) => category switch
    {
        CaseCategory.Complaint => DocumentCategory.Complaint,
        CaseCategory.Suggestion => DocumentCategory.Suggestion,
        CaseCategory.Thanks => DocumentCategory.Thanks,
        _ => DocumentCategory.Unclassified,
    };

    /// <summary>The lower-case word used in JSON output and the search index, e.g. <c>complaint</c>.</summary>
    public static string Word(CaseCategory category) => Word(ToDocumentCategory(category));

    /// <summary>The lower-case word used in JSON output and the search index, e.g. <c>complaint</c>.</summary>
    public static string Word(DocumentCategory category) => category switch
    {
        DocumentCategory.Complaint => "complaint",
        DocumentCategory.Suggestion => "suggestion",
        DocumentCategory.Thanks => "thanks",
        _ => "unclassified",
    };

    /// <summary>The kebab-case word for a status, e.g. <c>pending-on-company</c>.</summary>
    public static string Word(CaseStatus status) => status switch
    {
        CaseStatus.NotStarted => "not-started",
        CaseStatus.PendingOnCompany => "pending-on-company",
        CaseStatus.PendingOnCustomer => "pending-on-customer",
        CaseStatus.Closed => "closed",
        CaseStatus.Reopened => "reopened",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The kebab-case word for any other stored state or kind, e.g. <c>deadline-at-risk</c> for <c>DeadlineAtRisk</c>.</summary>
    public static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var word = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                word.Append('-');
            }

            word.Append(char.ToLowerInvariant(name[i]));
        }

        return word.ToString();
    }
}
