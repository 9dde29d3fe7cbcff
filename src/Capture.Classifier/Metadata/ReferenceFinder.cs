using System.Buffers;
using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds order, invoice, serial and policy numbers: a value after a label in any of the three
/// languages ("nr zamówienia", "számla száma", "policy no."), a value before a Hungarian "számú …"
/// noun, a bare token whose prefix names its kind (ZAM/, ORD-, FV/, INV-, SN-, POL-), or a token of one of the
/// company's own formats (<see cref="MetadataOptions"/>). The company's format beats a prefix, a prefix beats a label,
/// and a value claimed by one kind is not repeated in another.
/// </summary>
internal sealed class ReferenceFinder
{
    private enum Kind
    {
        Order,
        Invoice,
        Serial,
        Policy,
    }

    // Where "számú" (by its "ú") or OCR's "szamu" may stand, found in vectorised passes before the pattern looks closer.
    private static readonly SearchValues<string> NumberedWord = SearchValues.Create(["szamu"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<char> LongU = SearchValues.Create("úÚ");

    // An ASCII piece of every label of MetadataPatterns.LabelledReference ("zam" of "zamówienia", "ml" of "számla",
    // "tv" of "kötvény", "ri sz" of "gyári szám"): the labelled pattern runs only near them.
    private static readonly SearchValues<string> LabelStems = SearchValues.Create(
        ["order", "zam", "faktur", "nvoice", "ml", "rendel", "serial", "seryjn", "s/", "s /", "sn", "polic", "polis", "tv", "sorozat", "ri sz"],
        StringComparison.OrdinalIgnoreCase);

    private readonly (Regex Pattern, Kind Kind)[] ownFormats;

    /// <summary>Compiles the company's own formats.</summary>
    /// <exception cref="ArgumentException">A pattern is not valid (see <see cref="MetadataOptions.Validate"/>).</exception>
    public ReferenceFinder(MetadataOptions options)
    {
        options.Validate();
        var kinds = new[] { Kind.Order, Kind.Invoice, Kind.Serial, Kind.Policy };
        ownFormats =
        [
            .. options.PatternLists().Zip(kinds).SelectMany(pair => pair.First.Patterns.Select(pattern => (
                new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, MetadataOptions.PatternTimeout),
                pair.Second))),
        ];
    }

    public (ReferenceNumbers Numbers, IReadOnlyList<MetadataField> Fields) Find(LetterLayout layout, IReadOnlyList<TextSpan> taken)
    {
        var text = layout.Text;
        var found = new List<(int Index, Kind Kind, string Value)>();
        var labelled = TextWindows.Around(text, TextWindows.Occurrences(text, LabelStems), 16, 64);
        foreach (var match in TextWindows.Matches(MetadataPatterns.LabelledReference(), text, labelled))
        {
            var kind = match.Groups["order"].Success ? Kind.Order
                : match.Groups["invoice"].Success ? Kind.Invoice
                : match.Groups["serial"].Success ? Kind.Serial
                : Kind.Policy;
            Add(found, match.Groups["value"], kind);
        }

        var numberedAnchors = TextWindows.Occurrences(text, NumberedWord)
            .Concat(TextWindows.Occurrences(text, LongU).Where(u => u.Index >= 4 && text.AsSpan(u.Index - 4, 4).Equals("szám", StringComparison.OrdinalIgnoreCase)))
            .OrderBy(a => a.Index);
        var numbered = TextWindows.Around(text, numberedAnchors, 48, 24);
        foreach (var match in TextWindows.Matches(MetadataPatterns.HungarianNumberedNoun(), text, numbered))
        {
            var label = Language.TextFolding.FoldDiacritics(match.Groups["label"].Value);
            var kind = label switch
            {
                _ when label.StartsWith("szaml", StringComparison.Ordinal) => Kind.Invoice,
                _ when label.StartsWith("kotveny", StringComparison.Ordinal) => Kind.Policy,
                _ when label.StartsWith("sorozat", StringComparison.Ordinal) => Kind.Serial,
                _ => Kind.Order,
            };
            Add(found, match.Groups["value"], kind);
        }

        CollectBare(found, MetadataPatterns.BareOrder(), text, Kind.Order);
        CollectBare(found, MetadataPatterns.BareInvoice(), text, Kind.Invoice);
        CollectBare(found, MetadataPatterns.BareSerial(), text, Kind.Serial);
        CollectBare(found, MetadataPatterns.BarePolicy(), text, Kind.Policy);
        var own = new Dictionary<string, Kind>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pattern, kind) in ownFormats)
        {
            foreach (Match match in pattern.Matches(text))
            {
                var group = match.Groups["value"] is { Success: true } value ? value : match;
                own.TryAdd(group.Value, kind);
                found.Add((group.Index, kind, group.Value));
            }
        }

        // A "number" that is part of a date ("Rendelés 2026. november 12.") is the date, not a reference.
        found.RemoveAll(f => TextSpan.Overlaps(taken, f.Index, f.Value.Length));
        var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var byKind = Enum.GetValues<Kind>().ToDictionary(k => k, _ => new List<string>());
        var fields = new List<MetadataField>();
        foreach (var (index, kind, value) in found.OrderBy(f => f.Index))
        {
            if (claimed.Add(value))
            {
                var ownKind = own.TryGetValue(value, out var k) ? k : (Kind?)null;
                var finalKind = ownKind ?? ShapeKind(value) ?? kind;
                byKind[finalKind].Add(value);
                var confidence = ownKind is not null ? 0.95 : layout.IsQuoted(index) ? 0.6 : 0.85;
                fields.Add(new MetadataField(FieldKind(finalKind), value, confidence, layout.LocationOf(index)));
            }
        }

        return (new ReferenceNumbers(byKind[Kind.Order], byKind[Kind.Invoice], byKind[Kind.Serial], byKind[Kind.Policy]), fields);
    }

    private static MetadataFieldKind FieldKind(Kind kind) => kind switch
    {
        Kind.Order => MetadataFieldKind.Order,
        Kind.Invoice => MetadataFieldKind.Invoice,
        Kind.Serial => MetadataFieldKind.Serial,
        _ => MetadataFieldKind.Policy,
    };

    private static void CollectBare(List<(int, Kind, string)> found, Regex pattern, string text, Kind kind)
    {
        foreach (Match match in pattern.Matches(text))
        {
            Add(found, match.Groups["value"], kind);
        }
    }

    private static void Add(List<(int, Kind, string)> found, Group group, Kind kind)
    {
        var value = group.Value.TrimEnd('.', ',', ')', ';', ':');
        if (value.Length >= 4 && value.Any(char.IsAsciiDigit) && !LooksLikeDate(value))
        {
            found.Add((group.Index, kind, WithPrefixRepaired(value)));
        }
    }

    // OCR reads the Z of "ZAM/" as 2, the O of "ORD-" and "POL-" as 0, the S of "SN-" as 5 and the I of "INV-" as 1 or l.
    private static string WithPrefixRepaired(string value) => value switch
    {
        _ when value.StartsWith("2AM/", StringComparison.Ordinal) => "ZAM/" + value[4..],
        _ when value.StartsWith("0RD-", StringComparison.Ordinal) => "ORD-" + value[4..],
        _ when value.StartsWith("P0L-", StringComparison.Ordinal) => "POL-" + value[4..],
        _ when value.StartsWith("5N-", StringComparison.Ordinal) => "SN-" + value[3..],
        _ when value.StartsWith("1NV-", StringComparison.Ordinal) || value.StartsWith("lNV-", StringComparison.Ordinal) => "INV-" + value[4..],
        _ => value,
    };

    // A number written after a label is still a date or an amount if that is all it is.
    private static bool LooksLikeDate(string value) =>
        MetadataPatterns.IsoDate().IsMatch(value) && value.Length <= 10
        || MetadataPatterns.NumericDate().IsMatch(value) && value.Length <= 10
        || MetadataPatterns.HungarianNumericDate().IsMatch(value) && value.Length <= 11;

    private static Kind? ShapeKind(string value)
    {
        if (StartsWith(MetadataPatterns.BareOrder(), value))
        {
            return Kind.Order;
        }

        if (StartsWith(MetadataPatterns.BareInvoice(), value))
        {
            return Kind.Invoice;
        }

        if (StartsWith(MetadataPatterns.BareSerial(), value))
        {
            return Kind.Serial;
        }

        return StartsWith(MetadataPatterns.BarePolicy(), value) ? Kind.Policy : null;
    }

    private static bool StartsWith(Regex shape, string value) => shape.Match(value) is { Success: true, Index: 0 };
}
