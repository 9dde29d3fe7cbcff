using System.Globalization;
using Archive.Store.Cases;

namespace Archive.Store.Deadlines;

/// <summary>
/// Chooses a case's service-level rule: among the rules whose every criterion the case meets, the one meeting the most
/// criteria (a rule for complaints from Hungary beats one for complaints), and among equally specific ones the first
/// listed. Rules are matched when a case opens, is reopened or changes category.
/// </summary>
public sealed class DeadlineRuleBook
{
    private const int MaxDays = 3650;

    private readonly IReadOnlyList<DeadlineRule> _rules;

    /// <summary>Creates the book.</summary>
    /// <param name="rules">The rules in configuration order (valid: see <see cref="DeadlineOptions.Validate"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    public DeadlineRuleBook(IReadOnlyList<DeadlineRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    /// <summary>The rule for a case, or null when none matches (the case then has no deadline).</summary>
    /// <param name="caseRecord">The case: its category, language and e-mail address count.</param>
    /// <returns>The most specific matching rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseRecord"/> is null.</exception>
    public DeadlineRule? Choose(CaseRecord caseRecord)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        DeadlineRule? best = null;
        var bestSpecificity = -1;
        foreach (var rule in _rules)
        {
            if (rule.Specificity(caseRecord) is { } specificity && specificity > bestSpecificity)
            {
                (best, bestSpecificity) = (rule, specificity);
            }
        }

        return best;
    }

    /// <summary>Checks the rule at <paramref name="index"/>, and that no earlier rule has the same criteria (it would hide this one).</summary>
    internal static IEnumerable<string> Validate(IReadOnlyList<DeadlineRule> rules, int index, string rulesKey)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{rulesKey}:{index}");
        var rule = rules[index];
        if (!string.IsNullOrWhiteSpace(rule.Category) && (!Enum.TryParse<CaseCategory>(rule.Category.Trim(), ignoreCase: true, out _) || int.TryParse(rule.Category, out _)))
        {
            yield return $"{key}:{nameof(DeadlineRule.Category)} \"{rule.Category}\" is not a category; use {string.Join(", ", Enum.GetNames<CaseCategory>())}, or leave it empty for any.";
        }

        if (!string.IsNullOrWhiteSpace(rule.Language) && !IsLetters(rule.Language, 2, 3))
        {
            yield return $"{key}:{nameof(DeadlineRule.Language)} \"{rule.Language}\" is not a language code; use a two-letter code such as pl, hu or en, or leave it empty for any.";
        }

        if (!string.IsNullOrWhiteSpace(rule.Country) && !IsLetters(rule.Country, 2, 2))
        {
            yield return $"{key}:{nameof(DeadlineRule.Country)} \"{rule.Country}\" is not a country; use the two-letter top-level domain of the customers' e-mail addresses, e.g. hu, or leave it empty for any.";
        }

        if (rule.BusinessDays is not null && rule.CalendarDays is not null)
        {
            yield return $"{key} sets both {nameof(DeadlineRule.BusinessDays)} and {nameof(DeadlineRule.CalendarDays)}; keep the one the deadline is counted in.";
        }

        foreach (var (name, days) in new[] { (nameof(DeadlineRule.BusinessDays), rule.BusinessDays), (nameof(DeadlineRule.CalendarDays), rule.CalendarDays) })
        {
            if (days is < 1 or > MaxDays)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{key}:{name} is {days}; set it between 1 and {MaxDays}, or remove it for no deadline.");
            }
        }

        if (!(rule.AtRiskFraction > 0 && rule.AtRiskFraction < 1))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:{nameof(DeadlineRule.AtRiskFraction)} is {rule.AtRiskFraction}; set it between 0 and 1, e.g. 0.75 for a warning when three quarters of the time is used.");
        }

        for (var earlier = 0; earlier < index; earlier++)
        {
            if (SameCriteria(rules[earlier], rule))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{key} has the same {nameof(DeadlineRule.Category)}, {nameof(DeadlineRule.Language)} and {nameof(DeadlineRule.Country)} as {rulesKey}:{earlier}, which always wins; remove one of them.");
                break;
            }
        }
    }

    private static bool IsLetters(string value, int min, int max)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= min && trimmed.Length <= max && trimmed.All(char.IsAsciiLetter);
    }

    private static bool SameCriteria(DeadlineRule a, DeadlineRule b) =>
        Same(a.Category, b.Category) && Same(a.Language, b.Language) && Same(a.Country, b.Country);

    private static bool Same(string? a, string? b) =>
        string.Equals(string.IsNullOrWhiteSpace(a) ? "" : a.Trim(), string.IsNullOrWhiteSpace(b) ? "" : b.Trim(), StringComparison.OrdinalIgnoreCase);
}
