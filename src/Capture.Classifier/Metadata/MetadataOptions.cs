using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Settings of metadata extraction (configuration section <c>Metadata</c>): the company's own reference-number formats
/// and the domains of its own mailboxes.
/// </summary>
/// <remarks>
/// Each pattern is a .NET regular expression that matches a whole reference number as it stands in the text, e.g.
/// <c>RMA-\d{6}</c>. When it has a group named <c>value</c>, that group is the number (<c>Claim\s+(?&lt;value&gt;\d{8})</c>).
/// A token matching a configured pattern is taken as that kind, whatever label stands before it.
/// </remarks>
public sealed class MetadataOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Metadata";

    /// <summary>How long one configured pattern may run on one item before it is given up.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Patterns of the company's own order numbers.</summary>
    public IList<string> OrderPatterns { get; } = [];

    /// <summary>Patterns of the company's own invoice numbers.</summary>
    public IList<string> InvoicePatterns { get; } = [];

    /// <summary>Patterns of the serial numbers of the company's products.</summary>
    public IList<string> SerialPatterns { get; } = [];

    /// <summary>Patterns of the company's insurance policy numbers.</summary>
    public IList<string> PolicyPatterns { get; } = [];

    /// <summary>
    /// The company's own mail domains (<c>shop.pl</c>): an address there is never taken as the customer's, so a message
    /// forwarded by an employee or sent by the web form names the customer, not the company.
    /// </summary>
    public IList<string> CompanyDomains { get; } = [];

    /// <summary>The problems with these settings, each naming the key and the fix; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (key, patterns) in PatternLists())
        {
            for (var i = 0; i < patterns.Count; i++)
            {
                if (PatternProblem($"{SectionName}:{key}:{i}", patterns[i]) is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }

        for (var i = 0; i < CompanyDomains.Count; i++)
        {
            var domain = CompanyDomains[i];
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains('@', StringComparison.Ordinal) || !domain.Contains('.', StringComparison.Ordinal))
            {
                problems.Add($"{SectionName}:{nameof(CompanyDomains)}:{i} is '{domain}'; give a mail domain such as \"shop.pl\", without '@'.");
            }
        }

        return problems;
    }

    /// <summary>Checks the settings and names every wrong key with its fix.</summary>
    /// <exception cref="ArgumentException">A pattern is not a valid regular expression, matches empty text, or a domain is malformed.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }
    }

    internal IEnumerable<(string Key, IList<string> Patterns)> PatternLists() =>
    [
        (nameof(OrderPatterns), OrderPatterns),
        (nameof(InvoicePatterns), InvoicePatterns),
        (nameof(SerialPatterns), SerialPatterns),
        (nameof(PolicyPatterns), PolicyPatterns),
    ];

    private static string? PatternProblem(string key, string? pattern)
    {
        const string Example = "e.g. \"RMA-\\\\d{6}\" (JSON escapes the backslash)";
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return $"{key} is empty; give a regular expression that matches one reference number, {Example}.";
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException exception)
        {
            return $"{key} '{pattern}' is not a valid regular expression ({exception.Message}); correct it, {Example}.";
        }

        try
        {
            return regex.IsMatch(string.Empty) || regex.IsMatch(" ")
                ? $"{key} '{pattern}' matches empty text, so it would find a reference number everywhere; make it require the number's characters, {Example}."
                : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return $"{key} '{pattern}' runs too long even on empty text; simplify it, {Example}.";
        }
    }
}
