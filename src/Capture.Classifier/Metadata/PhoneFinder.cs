using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds the writer's phone number in Polish (<c>601 234 567</c>, <c>(22) 123 45 67</c>), Hungarian
/// (<c>06 30 123 4567</c>, <c>+36 1 234 5678</c>), UK (<c>020 7946 0958</c>, <c>07700 900123</c>,
/// <c>+44 (0)20 7946 0958</c>) and other international formats. A number after a phone label
/// (<c>tel.</c>, <c>telefon</c>, <c>phone</c>, <c>mobil</c>) is preferred; dates, amounts, account and reference numbers
/// are not phones, and neither is a number in the quoted reply or on a line that names a company.
/// </summary>
internal static partial class PhoneFinder
{
    public static MetadataField? Find(LetterLayout layout, IReadOnlyList<TextSpan> taken)
    {
        var text = layout.Text;
        MetadataField? best = null;
        foreach (Match match in MetadataPatterns.PhoneCandidate().Matches(text))
        {
            var group = match.Groups["value"];
            var value = group.Value.Trim();
            if (!IsPlausible(value) || TextSpan.Overlaps(taken, group.Index, group.Length))
            {
                continue;
            }

            var lineStart = text.LastIndexOf('\n', Math.Max(0, group.Index - 1)) + 1;
            var before = text.AsSpan(lineStart, group.Index - lineStart);
            var confidence = layout.IsQuoted(group.Index) || CompanyLine().IsMatch(before) ? 0.3
                : Label().IsMatch(before) ? 0.9
                : 0.75;
            if (best is null || confidence > best.Confidence)
            {
                best = new MetadataField(MetadataFieldKind.Phone, SpacesCollapsed().Replace(value, " "), confidence, layout.LocationOf(group.Index));
            }
        }

        // A number only in the quoted reply or beside a company's name is the company's, not the writer's.
        return best is { Confidence: >= 0.5 } ? best : null;
    }

    private static bool IsPlausible(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        var international = value.StartsWith('+') || value.StartsWith("00", StringComparison.Ordinal);
        var trunk = value.TrimStart('(').StartsWith('0');
        return international ? digits is >= 10 and <= 15
            : trunk ? digits is 10 or 11
            : digits is 9;
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;

    [GeneratedRegex(@"(?:\btel|phone|mob|\bkom|\bcall|h[íi]v|zadzwo|telefon|\bnumer|sz[áa]m)[^\n]{0,25}$", Options, 1000)]
    private static partial Regex Label();

    [GeneratedRegex(@"sp\.\s?z\s?o\.?\s?o|\bs\.\s?a\.|\bzrt\b|\bkft\b|\bltd\b|\bplc\b|infolinia|customer\s+service|helpline|[üu]gyf[ée]lszolg[áa]lat|biuro\s+obs[łl]ugi|fax", Options, 1000)]
    private static partial Regex CompanyLine();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpacesCollapsed();
}
