using Archive.Store;
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
    public static string Word(CaseCategory category) => ArchiveWords.Word(category);

    /// <summary>The lower-case word used in JSON output and the search index, e.g. <c>complaint</c>.</summary>
    public static string Word(DocumentCategory category) => ArchiveWords.Word(ToCaseCategory(category));

    /// <summary>The kebab-case word for a status, e.g. <c>pending-on-company</c>.</summary>
    public static string Word(CaseStatus status) => ArchiveWords.Word(status);

    /// <summary>The kebab-case word for any other stored state or kind, e.g. <c>deadline-at-risk</c> for <c>DeadlineAtRisk</c>.</summary>
    public static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum => ArchiveWords.Word(value);
}
