using System.Text;
using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds the writer's e-mail address: a forwarded message's sender, Reply-To or From when they are not the company's
/// own, else the most likely address written in the text. Addresses in text are read through the slips people and
/// OCR make: <c>jan.kowalski @ gmail.com</c>, <c>jan(at)wp.pl</c>, <c>jan[at]wp.pl</c>, <c>jan©wp.pl</c>,
/// <c>jan@wp,pl</c>, <c>jan@wp.p1</c>, <c>jan@gmai1.corn</c>.
/// </summary>
internal static partial class EmailFinder
{
    // How far around an "@" (or its look-alike) an address can reach.
    private const int Reach = 80;

    public static MetadataField? Find(LetterLayout layout, SenderCandidates sender, IReadOnlyCollection<string> companyDomains)
    {
        if (sender.Forwarded is { IsCompany: false, Address: { } forwarded })
        {
            return new MetadataField(MetadataFieldKind.Email, forwarded, 0.9, MetadataLocation.Header);
        }

        if (sender.ReplyTo is { IsCompany: false, Address: { } replyTo })
        {
            return new MetadataField(MetadataFieldKind.Email, replyTo, 0.97, MetadataLocation.Header);
        }

        if (sender.From is { IsCompany: false, Address: { } from })
        {
            return new MetadataField(MetadataFieldKind.Email, from, 0.99, MetadataLocation.Header);
        }

        MetadataField? best = null;
        foreach (var found in InText(layout, companyDomains))
        {
            if (best is null || found.Confidence > best.Confidence)
            {
                best = found;
            }
        }

        return best ?? (sender.From is { Address: { } company } ? new MetadataField(MetadataFieldKind.Email, company, 0.3, MetadataLocation.Header) : null);
    }

    /// <summary>Every address written in the text, repaired, with a confidence that is low for company mailboxes and quotes.</summary>
    public static List<MetadataField> InText(LetterLayout layout, IReadOnlyCollection<string> companyDomains)
    {
        var text = layout.Text;
        var found = new List<MetadataField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var at in AtPositions(text))
        {
            // The local part is read backwards from the at-sign, the domain forwards: no pattern scans the neighbourhood.
            var localEnd = at.Index > 0 && text[at.Index - 1] is ' ' or '	' ? at.Index - 1 : at.Index;
            var localStart = localEnd;
            while (localStart > 0 && localEnd - localStart <= 64 && IsLocalCharacter(text[localStart - 1]))
            {
                localStart--;
            }

            var domain = Domain().Match(text, at.Index + at.Length, Math.Min(text.Length - at.Index - at.Length, Reach));
            if (localStart == localEnd || localEnd - localStart > 64 || !char.IsAsciiLetterOrDigit(text[localStart]) || !domain.Success)
            {
                continue;
            }

            var local = text[localStart..localEnd];
            if (Repair(local, domain.Groups["domain"].Value) is { } address && seen.Add(address))
            {
                var written = text.AsSpan(localStart, domain.Index + domain.Length - localStart);
                found.Add(Rate(layout, companyDomains, localStart, address, repaired: !written.Equals(address, StringComparison.OrdinalIgnoreCase)));
            }
        }

        return found;
    }

    private static bool IsLocalCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    // The at-signs and their look-alikes, and the "g" that OCR reads for "@" before a free-mail domain ("kowalskigwp.pl").
    private static List<TextSpan> AtPositions(string text)
    {
        var found = new List<TextSpan>();
        foreach (var match in AtSign().EnumerateMatches(text))
        {
            found.Add(new TextSpan(match.Index, match.Length));
        }

        foreach (var provider in Providers)
        {
            for (var i = text.IndexOf(provider, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(provider, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (i > 1 && text[i - 1] == 'g' && char.IsAsciiLetterOrDigit(text[i - 2]))
                {
                    found.Add(new TextSpan(i - 1, 1));
                }
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static MetadataField Rate(LetterLayout layout, IReadOnlyCollection<string> companyDomains, int index, string address, bool repaired)
    {
        var location = layout.LocationOf(index);
        var confidence = layout.IsQuoted(index) || SenderCandidates.IsCompany(address, companyDomains) ? 0.3
            : MetadataPatterns.CompanyMailbox().IsMatch(address.AsSpan(0, address.IndexOf('@', StringComparison.Ordinal))) ? 0.4
            : location == MetadataLocation.Body ? 0.85
            : 0.9;
        return new MetadataField(MetadataFieldKind.Email, address, repaired ? confidence * 0.85 : confidence, location);
    }

    /// <summary>The address in canonical form, with OCR and typing slips undone; null when it is not an address.</summary>
    public static string? Repair(string localPart, string domain)
    {
        var local = localPart.ToLowerInvariant();
        var labels = DomainSeparator().Split(domain.ToLowerInvariant());
        if (labels.Length < 2 || labels.Any(l => l.Length == 0))
        {
            return null;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = LettersForDigits(labels[i]);
        }

        labels[^1] = labels[^1] switch
        {
            "corn" => "com",
            "p1" or "pi" => "pl",
            "hn" => "hu",
            var tld => tld,
        };
        return labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetterLower)
            ? $"{local}@{string.Join('.', labels)}"
            : null;
    }

    // Inside a domain label OCR reads l as 1 and o as 0 between letters ("gmai1" stays a digit only at the end: "o2" is real).
    private static string LettersForDigits(string label)
    {
        if (!label.Any(char.IsAsciiLetter) || !label.Any(c => c is '0' or '1'))
        {
            return label;
        }

        var builder = new StringBuilder(label);
        for (var i = 0; i < builder.Length; i++)
        {
            var letterBefore = i > 0 && char.IsAsciiLetter(builder[i - 1]);
            var letterAfter = i + 1 < builder.Length && char.IsAsciiLetter(builder[i + 1]);
            if (letterBefore && (letterAfter || i == builder.Length - 1))
            {
                builder[i] = builder[i] switch { '1' => 'l', '0' => 'o', var c => c };
            }
        }

        return builder.ToString();
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;

    // Free-mail domains before which OCR is known to read "@" as "g" ("kowalskigcitromail.hu").
    private static readonly string[] Providers =
        ["gmail.com", "citromail.hu", "freemail.hu", "t-online.hu", "wp.pl", "onet.pl", "interia.pl", "o2.pl", "op.pl", "tlen.pl", "poczta.fm", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com"];

    // "@", its OCR look-alikes ("©", "®", "Q", "Q©"), a spelt-out "(at)" / "[at]".
    private const string AtLookAlike = @"(?:[@©®]|(?-i:Q)[©®]?|[(\[{]\s?at\s?[)\]}]|\(a\))";

    private const string Tld = @"(?:pl|p1|hu|com|corn|co\.uk|uk|net|org|eu|de|info|io)(?![A-Za-z0-9])";

    [GeneratedRegex(AtLookAlike, Options, 1000)]
    private static partial Regex AtSign();

    // What follows the at-sign: labels joined by dots, a dot written as "(dot)", and a last dot written as "," or " . ".
    [GeneratedRegex($@"\G[ \t]?(?<domain>[A-Za-z0-9][A-Za-z0-9\-]{{0,62}}(?:(?:\.|[ \t]?[(\[]dot[)\]][ \t]?)[A-Za-z0-9][A-Za-z0-9\-]{{0,62}}){{0,4}}(?:[ \t]?[.,][ \t]?{Tld})?)", Options, 1000)]
    private static partial Regex Domain();

    // The dot of a domain written as ".", ",", " . " or "(dot)".
    [GeneratedRegex(@"[ \t]*(?:[.,]|[(\[]dot[)\]])[ \t]*", Options, 1000)]
    private static partial Regex DomainSeparator();
}
