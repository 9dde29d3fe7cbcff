using System.Globalization;
using Archive.Store.Cases;

namespace Archive.Store.Deadlines;

/// <summary>
/// One service-level rule from <c>Archive:Deadlines:Rules</c>: which cases it applies to and how long the company has to
/// answer them. A criterion left empty matches every case; a rule with neither <see cref="BusinessDays"/> nor
/// <see cref="CalendarDays"/> gives the cases it matches no deadline (thank-you letters). See <see cref="DeadlineRuleBook"/>
/// for how one rule is chosen.
/// </summary>
public sealed class DeadlineRule
{
    /// <summary>A name shown on the case and in its history (e.g. "Consumer complaint (HU)"); when empty, one is made from the criteria.</summary>
    public string? Name { get; set; }

    /// <summary>The category the rule applies to (<c>Complaint</c>, <c>Suggestion</c>, <c>Thanks</c>, <c>Unclassified</c>); empty for any.</summary>
    public string? Category { get; set; }

    /// <summary>The language of the opening letter (<c>pl</c>, <c>hu</c>, <c>en</c>); empty for any.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The customer's country, as the top-level domain of their e-mail address (<c>hu</c> matches <c>anna@example.hu</c>;
    /// the United Kingdom is <c>uk</c>); empty for any. A case without an e-mail address, or with an address under
    /// <c>.com</c> or another generic domain, matches no country rule: give such customers a rule by language.
    /// </summary>
    public string? Country { get; set; }

    /// <summary>The deadline in business days (see <see cref="BusinessCalendar"/>): the answer is due by the end of the Nth business day after the letter arrived.</summary>
    public int? BusinessDays { get; set; }

    /// <summary>The deadline in calendar days, for laws that count every day: due by the end of the Nth day after the letter arrived.</summary>
    public int? CalendarDays { get; set; }

    /// <summary>The share of the allowed time after which the deadline is at risk (the case's priority is raised and its handler warned); between 0 and 1.</summary>
    public double AtRiskFraction { get; set; } = 0.75;

    /// <summary>How this rule counts its days, or null when it sets no deadline.</summary>
    internal DeadlineCounting? Counting => BusinessDays is not null ? DeadlineCounting.BusinessDays : CalendarDays is not null ? DeadlineCounting.CalendarDays : null;

    /// <summary>The allowed days (0 when the rule sets no deadline).</summary>
    internal int Days => BusinessDays ?? CalendarDays ?? 0;

    /// <summary>The name, or a description made from the criteria, e.g. "complaint, hu: 10 business days".</summary>
    public string Describe()
    {
        var criteria = new[] { Category, Language, Country }.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim().ToLowerInvariant()).ToList();
        var scope = criteria.Count == 0 ? "any case" : string.Join(", ", criteria);
        var allowance = Counting switch
        {
            DeadlineCounting.BusinessDays => string.Create(CultureInfo.InvariantCulture, $"{Days} business days"),
            DeadlineCounting.CalendarDays => string.Create(CultureInfo.InvariantCulture, $"{Days} calendar days"),
            _ => "no deadline",
        };
        return string.IsNullOrWhiteSpace(Name) ? $"{scope}: {allowance}" : $"{Name.Trim()} ({allowance})";
    }

    /// <summary>
    /// How many of the rule's criteria the case meets, or null when one of them does not match. A case's country is the
    /// top-level domain of its e-mail address.
    /// </summary>
    internal int? Specificity(CaseRecord caseRecord)
    {
        var matched = 0;
        if (!Matches(Category, caseRecord.Category.ToString(), ref matched)
            || !Matches(Language, caseRecord.Language, ref matched)
            || !Matches(Country, CountryOf(caseRecord.ContactEmail), ref matched))
        {
            return null;
        }

        return matched;
    }

    /// <summary>The top-level domain of an e-mail address, lower case (<c>anna@example.hu</c> → <c>hu</c>), or null.</summary>
    internal static string? CountryOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return null;
        }

        var domain = email![(at + 1)..].Trim().TrimEnd('.', '>');
        var dot = domain.LastIndexOf('.');
        return dot < 0 || dot == domain.Length - 1 ? null : domain[(dot + 1)..].ToLowerInvariant();
    }

    private static bool Matches(string? criterion, string? value, ref int matched)
    {
        if (string.IsNullOrWhiteSpace(criterion))
        {
            return true;
        }

        if (!string.Equals(criterion.Trim(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        matched++;
        return true;
    }
}
