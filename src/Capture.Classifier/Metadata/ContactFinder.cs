using System.Text.RegularExpressions;
using Capture.Classifier.Language;

namespace Capture.Classifier.Metadata;

/// <summary>Finds who wrote an item: name, e-mail address and phone number.</summary>
internal static partial class ContactFinder
{
    // Capitalised words that sign for an organisation rather than a person.
    private static readonly HashSet<string> NotPersonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "customer", "service", "services", "team", "support", "department", "care", "office", "bank", "hotel", "company",
        "dział", "obsługi", "klienta", "zespół", "biuro", "sklep", "firma", "ügyfélszolgálat", "csapat", "osztály", "iroda",
        "dear", "szanowni", "państwo", "tisztelt", "hello", "thank", "thanks",
    };

    private const int SignatureWindow = 4;

    public static string? FindName(string text, string? fromName)
    {
        if (CleanDisplayName(fromName) is { } display)
        {
            return display;
        }

        foreach (Match field in MetadataPatterns.NameField().Matches(text))
        {
            if (AsPersonName(field.Groups["value"].Value) is { } name)
            {
                return name;
            }
        }

        return FromSignature(text);
    }

    public static string? FindEmail(string text, string? fromAddress)
    {
        if (!string.IsNullOrWhiteSpace(fromAddress) && MetadataPatterns.Email().Match(fromAddress) is { Success: true } from)
        {
            return from.Value.ToLowerInvariant();
        }

        var addresses = MetadataPatterns.Email().Matches(text).Select(m => m.Value.TrimEnd('.').ToLowerInvariant()).Distinct().ToList();
        return addresses.FirstOrDefault(a => !MetadataPatterns.CompanyMailbox().IsMatch(a[..a.IndexOf('@', StringComparison.Ordinal)]))
            ?? addresses.FirstOrDefault();
    }

    public static string? FindPhone(string text)
    {
        foreach (Match match in MetadataPatterns.PhoneCandidate().Matches(text))
        {
            var value = match.Groups["value"].Value.Trim();
            var digits = value.Count(char.IsAsciiDigit);
            var international = value.StartsWith('+') || value.StartsWith("00", StringComparison.Ordinal);
            var hungarianTrunk = value.StartsWith("06", StringComparison.Ordinal);
            var plausible = international ? digits is >= 10 and <= 15
                : hungarianTrunk ? digits is 10 or 11
                : digits is 9 or 10;
            if (plausible && !IsDate(value))
            {
                return SpacesCollapsed().Replace(value, " ");
            }
        }

        return null;
    }

    private static bool IsDate(string value) =>
        MetadataPatterns.NumericDate().IsMatch(value) || MetadataPatterns.IsoDate().IsMatch(value) || MetadataPatterns.HungarianNumericDate().IsMatch(value);

    private static string? CleanDisplayName(string? fromName)
    {
        if (string.IsNullOrWhiteSpace(fromName))
        {
            return null;
        }

        var cleaned = MetadataPatterns.Email().Replace(fromName, " ");
        cleaned = cleaned.Replace("<>", " ", StringComparison.Ordinal).Trim().Trim('"', '\'', '<', '>', '(', ')', ' ', ',');
        cleaned = SpacesCollapsed().Replace(cleaned, " ");
        if (cleaned.Length == 0 || !cleaned.Any(char.IsLetter))
        {
            return null;
        }

        // "Kowalski, Jan" is reversed only when it is clearly surname-comma-given-name.
        var parts = cleaned.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && IsCapitalisedWord(parts[0]) && IsCapitalisedWord(parts[1]))
        {
            return $"{parts[1]} {parts[0]}";
        }

        return cleaned;
    }

    private static string? FromSignature(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        string? name = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var folded = SpacesCollapsed().Replace(TextFolding.FoldDiacritics(lines[i]), " ").Trim();
            var closing = MetadataPatterns.ClosingPhrase().Match(folded);
            if (!closing.Success)
            {
                continue;
            }

            // "Pozdrawiam, Jan Kowalski" on one line.
            var rest = closing.Groups["rest"].Value.Trim(' ', ',', '.', '!', ':', ';', '-', '–');
            var candidate = rest.Length > 0 ? AsPersonName(TailOf(lines[i], rest.Length)) : null;
            for (var j = i + 1; candidate is null && j < lines.Count && j <= i + SignatureWindow; j++)
            {
                candidate = AsPersonName(lines[j]);
            }

            // The last closing phrase wins: "Thank you" in the body often comes before the real sign-off.
            name = candidate ?? name;
        }

        return name;
    }

    private static string TailOf(string line, int length)
    {
        var trimmed = line.TrimEnd(' ', ',', '.', '!', ':', ';', '-', '–');
        return trimmed.Length >= length ? trimmed[^length..] : trimmed;
    }

    private static string? AsPersonName(string line)
    {
        var candidate = SpacesCollapsed().Replace(line, " ").Trim().Trim(',', '.', ';', ':', '-', '–', ' ');
        candidate = SpaceBeforePunctuation().Replace(candidate, "").Trim(',', '.', ' ');
        if (!MetadataPatterns.PersonName().IsMatch(candidate))
        {
            return null;
        }

        return candidate.Split(' ').Any(NotPersonWords.Contains) ? null : candidate;
    }

    private static bool IsCapitalisedWord(string word) =>
        word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(c => char.IsLower(c) || c == '-') && !word.Contains(' ', StringComparison.Ordinal);

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpacesCollapsed();

    [GeneratedRegex(@"\s+(?=[,.;:]+$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpaceBeforePunctuation();
}
