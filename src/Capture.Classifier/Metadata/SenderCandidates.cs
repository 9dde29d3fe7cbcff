using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>A sender named by a mail header: display name, address, and whether the address is the company's own.</summary>
internal sealed record Sender(string? Name, string? Address, bool IsCompany);

/// <summary>
/// The senders an e-mail names: From, Reply-To, and the From line of a message it forwards. An address of the
/// company's own domains (<see cref="MetadataOptions.CompanyDomains"/>) or of a no-reply or web-form sender is the
/// company's; then the next candidate or the text names the customer.
/// </summary>
internal sealed partial record SenderCandidates(Sender? From, Sender? ReplyTo, Sender? Forwarded)
{
    public static SenderCandidates Read(string? fromName, string? fromAddress, string? replyToAddress, LetterLayout layout, IReadOnlyCollection<string> companyDomains)
    {
        Sender? Make(string? name, string? address)
        {
            var clean = address is null ? null : MetadataPatterns.Email().Match(address) is { Success: true } m ? m.Value.ToLowerInvariant() : null;
            return clean is null && string.IsNullOrWhiteSpace(name) ? null : new Sender(name, clean, clean is not null && IsCompany(clean, companyDomains));
        }

        Sender? forwarded = null;
        if (layout.ForwardedHeader is { } block && ForwardedFrom().Match(layout.Text, block.Start, block.End - block.Start) is { Success: true } line)
        {
            var value = line.Groups["value"].Value;
            var address = MetadataPatterns.Email().Match(value);
            forwarded = Make(address.Success ? value.Remove(address.Index, address.Length) : value, address.Success ? address.Value : null);
        }

        return new SenderCandidates(Make(fromName, fromAddress), Make(null, replyToAddress), forwarded);
    }

    /// <summary>True when <paramref name="address"/> is in one of the company's domains or is a robot sender.</summary>
    public static bool IsCompany(string address, IReadOnlyCollection<string> companyDomains)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && (InCompanyDomain(address.AsSpan(at + 1), companyDomains) || RobotSender().IsMatch(address.AsSpan(0, at)));
    }

    /// <summary>True when <paramref name="address"/> is a person's address in one of the company's domains (not a robot or web-form sender).</summary>
    public static bool IsCompanyStaff(string address, IReadOnlyCollection<string> companyDomains)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && InCompanyDomain(address.AsSpan(at + 1), companyDomains) && !RobotSender().IsMatch(address.AsSpan(0, at));
    }

    private static bool InCompanyDomain(ReadOnlySpan<char> domain, IReadOnlyCollection<string> companyDomains)
    {
        foreach (var own in companyDomains)
        {
            if (domain.Equals(own, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + own, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^[ \t]*\*?(?:from|od|felad[óo]|von|de)\*?[ \t]*:[ \t]*(?<value>[^\n]+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase | RegexOptions.Multiline, 1000)]
    private static partial Regex ForwardedFrom();

    [GeneratedRegex(@"^(?:no-?reply|do-?not-?reply|nie-?odpowiadaj|mailer-daemon|postmaster|formularz|webform|web-?form|forms?|www)(?:[._\-].*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex RobotSender();
}
