using System.Text.RegularExpressions;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Finds order, invoice, serial and policy numbers: a value after a label in any of the three
/// languages ("nr zamówienia", "számla száma", "policy no."), a value before a Hungarian "számú …"
/// noun, or a bare token whose prefix names its kind (ZAM/, ORD-, FV/, INV-, SN-, POL-). A prefix
/// beats a label, and a value claimed by one kind is not repeated in another.
/// </summary>
internal static class ReferenceFinder
{
    private enum Kind
    {
        Order,
        Invoice,
        Serial,
        Policy,
    }

    public static ReferenceNumbers Find(string text)
    {
        var found = new List<(int Index, Kind Kind, string Value)>();
        var dates = DateFinder.Spans(text);
        CollectLabelled(found, MetadataPatterns.LabelledOrder(), text, Kind.Order);
        CollectLabelled(found, MetadataPatterns.LabelledInvoice(), text, Kind.Invoice);
        CollectLabelled(found, MetadataPatterns.LabelledSerial(), text, Kind.Serial);
        CollectLabelled(found, MetadataPatterns.LabelledPolicy(), text, Kind.Policy);
        foreach (Match match in MetadataPatterns.HungarianNumberedNoun().Matches(text))
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

        // A "number" that is part of a date ("Rendelés 2026. november 12.") is the date, not a reference.
        found.RemoveAll(f => dates.Any(d => f.Index < d.Index + d.Length && d.Index < f.Index + f.Value.Length));
        var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var byKind = Enum.GetValues<Kind>().ToDictionary(k => k, _ => new List<string>());
        foreach (var (_, kind, value) in found.OrderBy(f => f.Index))
        {
            if (claimed.Add(value))
            {
                byKind[ShapeKind(value) ?? kind].Add(value);
            }
        }

        return new ReferenceNumbers(byKind[Kind.Order], byKind[Kind.Invoice], byKind[Kind.Serial], byKind[Kind.Policy]);
    }

    private static void CollectLabelled(List<(int, Kind, string)> found, Regex pattern, string text, Kind kind)
    {
        foreach (Match match in pattern.Matches(text))
        {
            Add(found, match.Groups["value"], kind);
        }
    }

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
            found.Add((group.Index, kind, value));
        }
    }

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
