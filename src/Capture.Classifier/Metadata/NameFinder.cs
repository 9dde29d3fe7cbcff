using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds the writer's name: the sender's display name (a forwarded message's sender first), a form field
/// (<c>Imię i nazwisko:</c>, <c>Név:</c>, <c>Name:</c>), the signature under the last closing phrase, or the first
/// line of a letter's letterhead when an address follows it. Names in a quoted reply are somebody else's.
/// </summary>
internal static partial class NameFinder
{
    // Capitalised words that sign for an organisation rather than a person.
    private static readonly HashSet<string> NotPersonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "customer", "service", "services", "team", "support", "department", "care", "office", "bank", "hotel", "company", "relations",
        "dział", "obsługi", "klienta", "zespół", "biuro", "sklep", "firma", "ügyfélszolgálat", "csapat", "osztály", "iroda",
        "dear", "szanowni", "państwo", "tisztelt", "hello", "thank", "thanks", "regards", "pozdrawiam", "ltd", "limited", "zrt", "kft",
    };

    private const int SignatureWindow = 4;
    private const int LetterheadAddressWindow = 3;

    public static MetadataField? Find(LetterLayout layout, SenderCandidates sender)
    {
        if (sender.Forwarded is { IsCompany: false, Name: { } forwardedName } && CleanDisplayName(forwardedName) is { } forwarded)
        {
            return new MetadataField(MetadataFieldKind.ContactName, forwarded, 0.9, MetadataLocation.Header);
        }

        if (sender.From is { IsCompany: false, Name: { } fromName } && CleanDisplayName(fromName) is { } display)
        {
            return new MetadataField(MetadataFieldKind.ContactName, display, 0.95, MetadataLocation.Header);
        }

        var text = layout.Text;
        foreach (Match field in MetadataPatterns.NameField().Matches(text))
        {
            if (!layout.IsQuoted(field.Index) && AsPersonName(field.Groups["value"].Value) is { } name)
            {
                return new MetadataField(MetadataFieldKind.ContactName, name, 0.9, layout.LocationOf(field.Index));
            }
        }

        return FromSignature(layout) ?? FromLetterhead(layout);
    }

    /// <summary>The display name of an e-mail header with addresses, quotes and brackets removed, "Kowalski, Jan" turned round.</summary>
    public static string? CleanDisplayName(string? fromName)
    {
        if (string.IsNullOrWhiteSpace(fromName))
        {
            return null;
        }

        var cleaned = MetadataPatterns.Email().Replace(fromName, " ");
        cleaned = cleaned.Replace("<>", " ", StringComparison.Ordinal).Trim().Trim('"', '\'', '<', '>', '(', ')', ' ', ',', '*');
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

    private static MetadataField? FromSignature(LetterLayout layout)
    {
        var text = layout.Text;
        for (var c = layout.Closings.Count - 1; c >= 0; c--)
        {
            // The last closing phrase wins: "Thank you" in the body often comes before the real sign-off.
            var closing = layout.Closings[c];
            var rest = closing.Groups["rest"];
            var candidate = rest.Success ? AsPersonName(rest.Value) : null;
            var position = closing.Index + closing.Length;
            var end = Math.Min(text.Length, layout.QuotedStart);
            for (var seen = 0; candidate is null && seen < SignatureWindow && position < end;)
            {
                var (line, next) = NextLine(text, position);
                position = next;
                if (line.Length > 0)
                {
                    seen++;
                    candidate = AsPersonName(line);
                }
            }

            if (candidate is not null)
            {
                return new MetadataField(MetadataFieldKind.ContactName, candidate, 0.85, MetadataLocation.Signature);
            }
        }

        return null;
    }

    // A scanned letter often opens with the sender's block: name, street, postcode and town.
    private static MetadataField? FromLetterhead(LetterLayout layout)
    {
        var text = layout.Text;
        var position = 0;
        for (var i = 0; i < LetterheadAddressWindow && position < layout.LetterheadEnd; i++)
        {
            var (line, next) = NextLine(text, position);
            if (AsPersonName(line) is { } name)
            {
                // The name may be the letterhead's last line: then nothing of the letterhead follows it.
                var start = Math.Min(next, text.Length);
                var following = text.AsSpan(start, Math.Clamp(layout.LetterheadEnd - start, 0, Math.Min(120, text.Length - start)));
                return AddressFinder.HasPostcode(following)
                    ? new MetadataField(MetadataFieldKind.ContactName, name, 0.8, MetadataLocation.Letterhead)
                    : null;
            }

            position = next;
        }

        return null;
    }

    /// <summary>The trimmed line that starts at or after <paramref name="start"/> (skipping its newline) and where the next one starts.</summary>
    private static (string Line, int Next) NextLine(string text, int start)
    {
        if (start < text.Length && text[start] == '\n')
        {
            start++;
        }

        var end = text.IndexOf('\n', start);
        end = end < 0 ? text.Length : end;
        return (text[start..end].Trim(), end);
    }

    private static string? AsPersonName(string line)
    {
        var candidate = SpacesCollapsed().Replace(line, " ").Trim().Trim(',', '.', ';', ':', '-', '–', ' ');
        candidate = SpaceBeforePunctuation().Replace(candidate, "").Trim(',', '.', ' ');
        if (candidate.Length > 60 || !MetadataPatterns.PersonName().IsMatch(candidate))
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
