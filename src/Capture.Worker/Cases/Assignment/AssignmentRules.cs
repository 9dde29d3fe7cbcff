using System.Globalization;
using Archive.Store.Cases;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Cases.Assignment;

/// <summary>What the assignment rules look at in a new item.</summary>
/// <param name="Category">The category the case opens with.</param>
/// <param name="Language">The item's language (two letters), if detected.</param>
/// <param name="SenderEmail">The customer's e-mail address, if known.</param>
/// <param name="Text">The subject and the text of the item and its attachments.</param>
public sealed record AssignmentFacts(CaseCategory Category, string? Language, string? SenderEmail, FoldedText Text);

/// <summary>The outcome of the rules for one item.</summary>
/// <param name="Assignee">Who the case goes to; null when it opens unassigned.</param>
/// <param name="Reason">Which rule decided, for the history, e.g. <c>rule 'vip' (Assignment:Rules:0)</c>; null when unassigned.</param>
/// <param name="Product">The product the item is about, from the catalogue; null when none was recognised.</param>
public sealed record AssignmentDecision(CaseAssignee? Assignee, string? Reason, string? Product);

/// <summary>
/// Decides who a new case goes to (<see cref="AssignmentOptions"/>): the first rule whose criteria all match, else the
/// default, else nobody. It also recognises the product (<see cref="ProductCatalog"/>), which the rules may ask for.
/// It only decides: a team's least-loaded member is chosen by the store when the case is written, inside its lock.
/// </summary>
public sealed class AssignmentRules
{
    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly IReadOnlyList<string> _vip;
    private readonly AssignmentDecision _fallback;
    private readonly ProductCatalog _products;

    /// <summary>Compiles the validated rules.</summary>
    /// <param name="options">The assignment settings (validated against the roster and the catalogue when they are read).</param>
    /// <param name="roster">The roster the rules name people and teams from.</param>
    /// <param name="products">The product catalogue.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OptionsValidationException">The settings are invalid.</exception>
    public AssignmentRules(IOptions<AssignmentOptions> options, CaseRoster roster, ProductCatalog products)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(products);
        var settings = options.Value;
        _products = products;
        _vip = [.. settings.Vip.Select(v => v.Trim())];
        _rules = [.. settings.Rules.Select((rule, i) => CompiledRule.From(rule, i, roster))];
        _fallback = settings.Default is { } fallback && Target(fallback, roster) is { } assignee
            ? new AssignmentDecision(assignee, $"the default ({AssignmentOptions.SectionName}:{nameof(AssignmentOptions.Default)})", null)
            : new AssignmentDecision(null, null, null);
    }

    /// <summary>True when there is nothing to decide: no rules, no default and no products.</summary>
    public bool IsEmpty => _rules.Count == 0 && _fallback.Assignee is null && _products.IsEmpty;

    /// <summary>Decides who the case described by <paramref name="facts"/> goes to, and its product.</summary>
    /// <param name="facts">The new item.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    public AssignmentDecision Decide(AssignmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var product = _products.IsEmpty ? null : _products.Find(facts.Text);
        var isVip = MailDomain.IsListed(facts.SenderEmail, _vip);
        var senderDomain = MailDomain.DomainOf(facts.SenderEmail);
        foreach (var rule in _rules)
        {
            if (rule.Matches(facts, product, isVip, senderDomain))
            {
                return new AssignmentDecision(rule.Assignee, rule.Reason, product);
            }
        }

        return _fallback with { Product = product };
    }

    private static CaseAssignee? Target(AssignmentTargetOptions target, CaseRoster roster) =>
        roster.FindPerson(target.Person) is { } person ? roster.AssigneeFor(person)
        : roster.FindTeam(target.Team) is { } team ? CaseRoster.AssigneeFor(team)
        : null;

    private sealed record CompiledRule(
        string Reason,
        CaseAssignee Assignee,
        CaseCategory? Category,
        string? Language,
        string[] SenderDomains,
        bool? Vip,
        string[] Keywords,
        string? Product)
    {
        public static CompiledRule From(AssignmentRuleOptions rule, int position, CaseRoster roster)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{AssignmentOptions.SectionName}:{nameof(AssignmentOptions.Rules)}:{position}");
            return new CompiledRule(
                string.IsNullOrWhiteSpace(rule.Name) ? $"rule {key}" : $"rule '{rule.Name.Trim()}' ({key})",
                Target(rule, roster) ?? throw new OptionsValidationException(AssignmentOptions.SectionName, typeof(AssignmentOptions), [$"{key} names no one on the roster."]),
                rule.Category is { } category && AssignmentRuleOptions.TryParseCategory(category, out var parsed) ? parsed : null,
                rule.Language?.Trim().ToLowerInvariant(),
                [.. rule.SenderDomains.Select(d => d.Trim())],
                rule.Vip,
                [.. rule.Keywords.Select(FoldedText.FoldPhrase)],
                rule.Product?.Trim());
        }

        public bool Matches(AssignmentFacts facts, string? product, bool isVip, string? senderDomain) =>
            (Category is null || Category == facts.Category) &&
            (Language is null || string.Equals(Language, facts.Language?.Trim(), StringComparison.OrdinalIgnoreCase)) &&
            (SenderDomains.Length == 0 || (senderDomain is not null && SenderDomains.Any(d => MailDomain.IsWithin(senderDomain, d)))) &&
            (Vip is null || Vip == isVip) &&
            (Keywords.Length == 0 || Keywords.Any(facts.Text.Contains)) &&
            (Product is null || string.Equals(Product, product, StringComparison.OrdinalIgnoreCase));
    }
}
