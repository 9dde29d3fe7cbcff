using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds the writer's postal address by its postcode: Polish <c>NN-NNN</c> before the town, Hungarian four digits
/// before the town (<c>6720 Szeged</c>, <c>H-1138 Budapest</c>), or a UK postcode (<c>LS6 2QT</c>). The street is the
/// line above or the part of the line before a comma. An address on or just under a line naming a company
/// (<c>sp. z o.o.</c>, <c>Zrt.</c>, <c>Ltd</c>) is the recipient's, and one in a quoted reply is somebody else's; the
/// signature's address comes before the letterhead's, and the first in each wins.
/// </summary>
internal static partial class AddressFinder
{
    /// <summary>True when <paramref name="text"/> holds a postcode followed by a town.</summary>
    public static bool HasPostcode(ReadOnlySpan<char> text) =>
        PolishPostcode().IsMatch(text) || HungarianPostcode().IsMatch(text) || BritishPostcode().IsMatch(text);

    public static (PostalAddress Address, MetadataField Field)? Find(LetterLayout layout, IReadOnlyList<TextSpan> taken)
    {
        var text = layout.Text;
        (PostalAddress Address, MetadataField Field)? best = null;
        foreach (var (match, country) in Candidates(text))
        {
            var code = match.Groups["code"];
            if (TextSpan.Overlaps(taken, code.Index, code.Length))
            {
                continue;
            }

            var (lineStart, lineEnd) = LineAround(text, code.Index);
            var previous = lineStart > 0 ? LineAround(text, lineStart - 1) : (Start: lineStart, End: lineStart);
            var twoUp = previous.Start > 0 ? LineAround(text, previous.Start - 1) : previous;
            var company = CompanyLine().IsMatch(text.AsSpan(twoUp.Start, lineEnd - twoUp.Start));
            var location = layout.LocationOf(code.Index);
            var confidence = layout.IsQuoted(code.Index) || company ? 0.3
                : location == MetadataLocation.Signature ? 0.9
                : location is MetadataLocation.Letterhead or MetadataLocation.Header ? 0.85
                : 0.7;
            if (best is null || confidence > best.Value.Field.Confidence)
            {
                var address = Build(text, match, country, (lineStart, lineEnd), previous);
                best = (address, new MetadataField(MetadataFieldKind.Address, address.ToString(), confidence, location));
            }
        }

        // The company's address or one in a quoted reply is not the writer's.
        return best is { Field.Confidence: >= 0.5 } ? best : null;
    }

    private static IEnumerable<(Match Match, string Country)> Candidates(string text)
    {
        foreach (Match match in PolishPostcode().Matches(text))
        {
            yield return (match, "PL");
        }

        foreach (Match match in HungarianPostcode().Matches(text))
        {
            if (!NotATown().IsMatch(match.Groups["city"].Value))
            {
                yield return (match, "HU");
            }
        }

        foreach (Match match in BritishPostcode().Matches(text))
        {
            yield return (match, "GB");
        }
    }

    private static PostalAddress Build(string text, Match match, string country, (int Start, int End) line, (int Start, int End) previous)
    {
        var code = match.Groups["code"];
        var city = match.Groups["city"] is { Success: true } c ? c.Value.Trim() : null;
        var beforeCode = text[line.Start..code.Index].Trim().TrimEnd(',').Trim();
        var afterCity = text[(match.Index + match.Length)..line.End].Trim().TrimStart(',').Trim();
        var previousLine = text[previous.Start..previous.End].Trim();
        string? street;
        if (country == "GB")
        {
            // "14 Elm Road, Leeds LS6 2QT" or "Leeds LS6 2QT" under "14 Elm Road" or "LS6 2QT" under the town.
            var parts = beforeCode.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            city = parts.Length > 0 ? parts[^1] : previousLine.Length > 0 && !previousLine.Any(char.IsAsciiDigit) ? previousLine : null;
            street = parts.Length > 1 ? string.Join(", ", parts[..^1]) : StreetOrNull(parts.Length > 0 ? previousLine : PreviousOf(text, previous));
        }
        else
        {
            street = beforeCode.Length > 0 ? StreetOrNull(beforeCode) : afterCity.Length > 0 ? StreetOrNull(afterCity) : StreetOrNull(previousLine);
        }

        return new PostalAddress(street, code.Value.ToUpperInvariant(), city, country);
    }

    private static string PreviousOf(string text, (int Start, int End) line) =>
        line.Start > 0 ? text[LineAround(text, line.Start - 1).Start..(line.Start - 1)].Trim() : "";

    private static string? StreetOrNull(string line) =>
        line.Length is > 3 and < 80 && line.Any(char.IsAsciiDigit) && line.Any(char.IsLetter) ? line.TrimEnd(',') : null;

    private static (int Start, int End) LineAround(string text, int index)
    {
        var start = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var end = text.IndexOf('\n', index);
        return (start, end < 0 ? text.Length : end);
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const string Town = @"(?<city>\p{Lu}[\p{L}\-]+(?:[ \t]+\p{Lu}[\p{L}\-]+){0,2})";

    [GeneratedRegex($@"(?<![\d\-/])(?<code>\d{{2}}-\d{{3}})(?![\d\-/])[ \t]+{Town}", Options, 1000)]
    private static partial Regex PolishPostcode();

    // Four digits at the start of a line, after a comma or "H-", then the town and the end of the line or a comma.
    [GeneratedRegex($@"(?<code>[1-9]\d{{3}})(?<=(?:^|,[ \t]?|\bH-)[ \t]*\d{{4}})[ \t]+{Town}[ \t]*(?=,|\n|$)", Options | RegexOptions.Multiline, 1000)]
    private static partial Regex HungarianPostcode();

    [GeneratedRegex(@"(?<![A-Za-z0-9\-/])(?<code>[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9\-/])", Options, 1000)]
    private static partial Regex BritishPostcode();

    [GeneratedRegex(@"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Forint|Ft|Euro|EUR|HUF|PLN|Pounds?)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex NotATown();

    [GeneratedRegex(@"sp\.\s?z\s?o\.?\s?o|\bs\.\s?a\.|\bzrt\b|\bkft\b|\bbt\.|\bltd\b|\blimited\b|\bplc\b|\bsklep\b|\bgmbh\b|customer\s+(?:service|relations)|[üu]gyf[ée]lszolg[áa]lat|dzia[łl]\s+reklamacji|towarzystwo|biuro\s+obs[łl]ugi", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex CompanyLine();
}
