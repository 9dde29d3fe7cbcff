using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds amounts of money with their currency: <c>240 zł</c>, <c>240,50 PLN</c>, <c>1 234,56 zł</c>, <c>12 000 Ft</c>,
/// <c>289 990 Ft-ot</c>, <c>12.000 HUF</c>, <c>£85</c>, <c>£1,249.99</c>, <c>EUR 30</c>, <c>30 €</c>. A single separator
/// before exactly three digits groups thousands (<c>12.000 HUF</c> is twelve thousand); before one or two digits it is
/// the decimal point.
/// </summary>
internal static partial class AmountFinder
{
    /// <summary>The amounts, and where their numbers stand so that they are not taken for reference numbers.</summary>
    public static (IReadOnlyList<(MoneyAmount Amount, MetadataField Field)> Amounts, IReadOnlyList<TextSpan> Spans) Find(LetterLayout layout)
    {
        var found = new List<(MoneyAmount, MetadataField)>();
        var spans = new List<TextSpan>();
        var seen = new HashSet<MoneyAmount>();
        var anchors = TextWindows.Occurrences(layout.Text, CurrencyWords).Concat(TextWindows.Occurrences(layout.Text, CurrencySigns)).OrderBy(a => a.Index);
        var windows = TextWindows.Around(layout.Text, anchors, 24, 24);
        foreach (var match in TextWindows.Matches(Amount(), layout.Text, windows))
        {
            var currency = CurrencyCode(match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Value);
            if (currency is null || ParseNumber(match.Groups["number"].Value) is not { } value || value == 0)
            {
                continue;
            }

            var amount = new MoneyAmount(value, currency);
            spans.Add(new TextSpan(match.Index, match.Length));
            if (seen.Add(amount))
            {
                var confidence = layout.IsQuoted(match.Index) ? 0.4 : 0.85;
                found.Add((amount, new MetadataField(MetadataFieldKind.Amount, amount.ToString(), confidence, layout.LocationOf(match.Index))));
            }
        }

        return (found, spans);
    }

    /// <summary>Reads <c>1 234,56</c>, <c>1.234,56</c>, <c>1,234.56</c>, <c>12.000</c>, <c>240,50</c>, <c>85</c>.</summary>
    public static decimal? ParseNumber(string number)
    {
        var digits = number.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        var lastSeparator = digits.LastIndexOfAny(['.', ',']);
        string integral;
        var fraction = "";
        if (lastSeparator >= 0 && digits.Length - lastSeparator - 1 is 1 or 2)
        {
            integral = digits[..lastSeparator];
            fraction = digits[(lastSeparator + 1)..];
        }
        else
        {
            integral = digits;
        }

        integral = integral.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(fraction.Length > 0 ? $"{integral}.{fraction}" : integral, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static string? CurrencyCode(string written) => written.ToLowerInvariant() switch
    {
        "zł" or "zl" or "pln" or "złotych" or "zlotych" or "złote" or "zlote" or "złoty" or "zloty" => "PLN",
        "ft" or "huf" or "forint" => "HUF",
        "£" or "gbp" or "pound" or "pounds" => "GBP",
        "€" or "eur" or "euro" or "euros" => "EUR",
        "$" or "usd" => "USD",
        _ => null,
    };

    // ASCII words are searched case-insensitively in one vectorised pass; "zł" is found by its "ł", the symbols by themselves.
    private static readonly SearchValues<string> CurrencyWords = SearchValues.Create(
        ["zl", "pln", "ft", "huf", "forint", "eur", "gbp", "pound", "usd"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> CurrencySigns = SearchValues.Create("łŁ€£$");

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;

    // Thousands grouped by spaces (also no-break), dots or commas, or not at all; then a decimal part.
    private const string Number = @"(?<number>\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?)";

    [GeneratedRegex($@"(?<![\p{{L}}\d.,/\-])(?:(?<before>£|€|\$|eur|pln|huf|gbp|usd)[ \t]?{Number}(?![\d])|{Number}[ \t]?(?<after>złotych|zlotych|złote|zlote|złoty|zloty|zł|zl|pln|forint|ft|huf|pounds?|gbp|euros?|eur|€|usd|\$)(?![\p{{L}}\d]))", Options, 1000)]
    private static partial Regex Amount();
}
