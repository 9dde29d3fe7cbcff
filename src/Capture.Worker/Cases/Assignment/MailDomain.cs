namespace Capture.Worker.Cases.Assignment;

/// <summary>E-mail addresses and domains as the assignment rules compare them: ignoring case, a domain covering its subdomains.</summary>
internal static class MailDomain
{
    /// <summary>True when <paramref name="text"/> is a bare address such as <c>anna@firma.example</c>.</summary>
    public static bool IsAddress(string text) =>
        System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;

    /// <summary>True when <paramref name="text"/> looks like a mail domain: dotted labels of letters, digits and hyphens.</summary>
    public static bool IsDomain(string text) =>
        text.Length is > 2 and < 254 && text.Contains('.', StringComparison.Ordinal) && !text.StartsWith('.') && !text.EndsWith('.') &&
        text.Split('.').All(label => label.Length > 0 && label.All(c => char.IsLetterOrDigit(c) || c == '-'));

    /// <summary>The part after the last '@', lower-cased; null when <paramref name="address"/> has none.</summary>
    public static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 || at == address!.Length - 1 ? null : address[(at + 1)..].Trim().ToLowerInvariant();
    }

    /// <summary>True when <paramref name="domain"/> is <paramref name="parent"/> or one of its subdomains.</summary>
    public static bool IsWithin(string domain, string parent) =>
        string.Equals(domain, parent, StringComparison.OrdinalIgnoreCase) ||
        domain.EndsWith("." + parent, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="address"/> is an entry of <paramref name="list"/>, or its domain is within a domain entry.</summary>
    public static bool IsListed(string? address, IReadOnlyList<string> list)
    {
        if (DomainOf(address) is not { } domain)
        {
            return false;
        }

        var bare = address!.Trim();
        return list.Any(entry => entry.Contains('@', StringComparison.Ordinal)
            ? string.Equals(entry, bare, StringComparison.OrdinalIgnoreCase)
            : IsWithin(domain, entry));
    }
}
