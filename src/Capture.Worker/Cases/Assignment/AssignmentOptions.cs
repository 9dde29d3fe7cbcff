using System.Globalization;
using Archive.Store.Cases;

namespace Capture.Worker.Cases.Assignment;

/// <summary>
/// Who a new case is assigned to (configuration section <c>Assignment</c>). The <see cref="Rules"/> are tried in order
/// and the first whose every given criterion matches wins; when none matches, <see cref="Default"/> applies, and
/// without a default the case opens unassigned. Persons and teams are named from <see cref="RosterOptions"/>.
/// </summary>
public sealed class AssignmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Assignment";

    /// <summary>The VIP list: e-mail addresses (<c>ceo@partner.example</c>) and domains (<c>partner.example</c>, which also covers its subdomains) whose cases a rule with <c>Vip: true</c> catches.</summary>
    public List<string> Vip { get; set; } = [];

    /// <summary>The rules, tried in order; the first that matches wins.</summary>
    public List<AssignmentRuleOptions> Rules { get; set; } = [];

    /// <summary>Where a case goes when no rule matches; null (or neither person nor team) leaves it unassigned.</summary>
    public AssignmentTargetOptions? Default { get; set; }

    /// <summary>The problems with these settings, each naming the key and the fix; empty when they are valid.</summary>
    /// <param name="roster">The roster the rules name people and teams from.</param>
    /// <param name="catalog">The products the rules may name.</param>
    /// <returns>The problems.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<string> Problems(RosterOptions roster, ProductCatalogOptions catalog)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        for (var i = 0; i < Vip.Count; i++)
        {
            var entry = Vip[i]?.Trim() ?? "";
            if (entry.Contains('@', StringComparison.Ordinal) ? !MailDomain.IsAddress(entry) : !MailDomain.IsDomain(entry))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(Vip)}:{i} '{entry}' is neither an e-mail address nor a domain; give e.g. \"ceo@partner.example\" or \"partner.example\"."));
            }
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Rules.Count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(Rules)}:{i}");
            var rule = Rules[i];
            problems.AddRange(rule.Problems(key, this, catalog));
            problems.AddRange(rule.TargetProblems(key, roster, required: true));
            if (!string.IsNullOrWhiteSpace(rule.Name) && !names.Add(rule.Name.Trim()))
            {
                problems.Add($"{key}:{nameof(AssignmentRuleOptions.Name)} '{rule.Name.Trim()}' is used twice; give each rule its own name, so the case history says which one matched.");
            }
        }

        if (Default is { } fallback)
        {
            problems.AddRange(fallback.TargetProblems($"{SectionName}:{nameof(Default)}", roster, required: false));
        }

        return problems;
    }
}

/// <summary>A person or a team a case goes to; exactly one of them.</summary>
public class AssignmentTargetOptions
{
    /// <summary>A login from <c>Roster:People</c>.</summary>
    public string? Person { get; set; }

    /// <summary>A team from <c>Roster:Teams</c>; its least-loaded member gets the case.</summary>
    public string? Team { get; set; }

    internal IEnumerable<string> TargetProblems(string key, RosterOptions roster, bool required)
    {
        var hasPerson = !string.IsNullOrWhiteSpace(Person);
        var hasTeam = !string.IsNullOrWhiteSpace(Team);
        if (hasPerson && hasTeam)
        {
            yield return $"{key} names both {nameof(Person)} '{Person}' and {nameof(Team)} '{Team}'; give one of them.";
        }
        else if (!hasPerson && !hasTeam && required)
        {
            yield return $"{key} names neither {nameof(Person)} nor {nameof(Team)}; say who its cases go to, e.g. \"{nameof(Team)}\": \"complaints-pl\".";
        }

        if (hasPerson && !roster.HasPerson(Person))
        {
            yield return $"{key}:{nameof(Person)} '{Person}' is not in {RosterOptions.SectionName}:{nameof(RosterOptions.People)}; add them there or fix the login. Known logins: {roster.KnownLogins()}.";
        }

        if (hasTeam && !roster.HasTeam(Team))
        {
            yield return $"{key}:{nameof(Team)} '{Team}' is not in {RosterOptions.SectionName}:{nameof(RosterOptions.Teams)}; add it there or fix the name. Known teams: {roster.KnownTeams()}.";
        }
    }
}

/// <summary>
/// One assignment rule: the criteria it needs (all those given must match; within a list, any entry) and the person
/// or team its cases go to.
/// </summary>
public sealed class AssignmentRuleOptions : AssignmentTargetOptions
{
    /// <summary>A name for the case history and for error messages; defaults to the rule's key, e.g. <c>Assignment:Rules:2</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The case's category at capture: <c>Complaint</c>, <c>Suggestion</c>, <c>Thanks</c> or <c>Unclassified</c>.</summary>
    public string? Category { get; set; }

    /// <summary>The item's language, a two-letter code such as <c>hu</c>.</summary>
    public string? Language { get; set; }

    /// <summary>The customer's e-mail domains (each also covers its subdomains), e.g. <c>bigretail.example</c>.</summary>
    public List<string> SenderDomains { get; set; } = [];

    /// <summary><c>true</c>: the customer's address or domain is on <c>Assignment:Vip</c>; <c>false</c>: it is not; unset: either.</summary>
    public bool? Vip { get; set; }

    /// <summary>Words or phrases of which any must occur in the subject or text, as whole words, ignoring case and diacritics.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>The product the item is about, by its name in <c>ProductCatalog:Products</c>.</summary>
    public string? Product { get; set; }

    internal IEnumerable<string> Problems(string key, AssignmentOptions assignment, ProductCatalogOptions catalog)
    {
        if (Category is null && Language is null && SenderDomains.Count == 0 && Vip is null && Keywords.Count == 0 && Product is null)
        {
            yield return $"{key} has no criteria, so it would catch every case and hide the rules after it; give at least one of " +
                $"{nameof(Category)}, {nameof(Language)}, {nameof(SenderDomains)}, {nameof(Vip)}, {nameof(Keywords)}, {nameof(Product)}, " +
                $"or use {AssignmentOptions.SectionName}:{nameof(AssignmentOptions.Default)} for the catch-all.";
        }

        if (Category is not null && !TryParseCategory(Category, out _))
        {
            yield return $"{key}:{nameof(Category)} '{Category}' is not a category; use one of {string.Join(", ", Enum.GetNames<CaseCategory>())}.";
        }

        if (Language is not null && (Language.Trim().Length != 2 || !Language.Trim().All(char.IsAsciiLetter)))
        {
            yield return $"{key}:{nameof(Language)} '{Language}' is not a two-letter language code; use e.g. \"pl\", \"hu\" or \"en\".";
        }

        for (var i = 0; i < SenderDomains.Count; i++)
        {
            if (!MailDomain.IsDomain(SenderDomains[i]?.Trim() ?? ""))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{key}:{nameof(SenderDomains)}:{i} '{SenderDomains[i]}' is not a mail domain; give one such as \"bigretail.example\", without '@'.");
            }
        }

        if (Vip == true && assignment.Vip.Count == 0)
        {
            yield return $"{key}:{nameof(Vip)} is true but {AssignmentOptions.SectionName}:{nameof(AssignmentOptions.Vip)} is empty; list the VIP addresses or domains there.";
        }

        for (var i = 0; i < Keywords.Count; i++)
        {
            if (FoldedText.FoldPhrase(Keywords[i] ?? "").Length == 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{key}:{nameof(Keywords)}:{i} is empty or has no letters or digits; give a word such as \"refund\", or remove it.");
            }
        }

        if (Product is not null && !catalog.HasProduct(Product))
        {
            yield return $"{key}:{nameof(Product)} '{Product}' is not in {ProductCatalogOptions.SectionName}:{nameof(ProductCatalogOptions.Products)}; add it there or fix the name. Known products: {catalog.KnownProducts()}.";
        }
    }

    /// <summary>A category name, not a number (the configuration binder would take "1" too).</summary>
    internal static bool TryParseCategory(string text, out CaseCategory category) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out category) && !int.TryParse(text, out _);
}
