using Archive.Store.Cases;

namespace Archive.Store;

/// <summary>
/// The archive's words for its states and kinds, as JSON output, the search index and the web show them:
/// <c>complaint</c>, <c>pending-on-company</c>, <c>deadline-at-risk</c>.
/// </summary>
public static class ArchiveWords
{
    /// <summary>Every status by its word (ignoring case), for people and programs that type one.</summary>
    public static IReadOnlyDictionary<string, CaseStatus> Statuses { get; } =
        Enum.GetValues<CaseStatus>().ToDictionary(status => Word(status), StringComparer.OrdinalIgnoreCase);

    /// <summary>The lower-case word for a category, e.g. <c>complaint</c>.</summary>
    public static string Word(CaseCategory category) => category switch
    {
        CaseCategory.Complaint => "complaint",
        CaseCategory.Suggestion => "suggestion",
        CaseCategory.Thanks => "thanks",
        _ => "unclassified",
    };

    /// <summary>The kebab-case word for a status, e.g. <c>pending-on-company</c>.</summary>
    public static string Word(CaseStatus status) => Word<CaseStatus>(status);

    /// <summary>The kebab-case word for any stored state or kind, e.g. <c>deadline-at-risk</c> for <c>DeadlineAtRisk</c>.</summary>
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
