using System.Globalization;

namespace Capture.Worker.Cases.Assignment;

/// <summary>
/// The products customers write about (configuration section <c>ProductCatalog</c>): each with the names people use
/// for it. The product found in an item is kept on its case (<c>CaseRecord.Product</c>) for assignment rules and for
/// the report of the most-complained-about products.
/// </summary>
public sealed class ProductCatalogOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ProductCatalog";

    /// <summary>The products; the first one the text mentions wins, so list a specific model before its family.</summary>
    public List<ProductOptions> Products { get; set; } = [];

    /// <summary>The problems with these settings, each naming the key and the fix; empty when they are valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Products.Count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(Products)}:{i}");
            var product = Products[i];
            var name = product.Name?.Trim() ?? "";
            if (FoldedText.FoldPhrase(name).Length == 0)
            {
                problems.Add($"{key}:{nameof(ProductOptions.Name)} is empty or has no letters or digits; give the product's name, e.g. \"Kettle K2\".");
                continue;
            }

            if (!names.Add(name))
            {
                problems.Add($"{key}:{nameof(ProductOptions.Name)} '{name}' is used twice; give each product once and put its other names in {nameof(ProductOptions.Aliases)}.");
            }

            for (var a = -1; a < product.Aliases.Count; a++)
            {
                var phraseKey = a < 0 ? $"{key}:{nameof(ProductOptions.Name)}" : string.Create(CultureInfo.InvariantCulture, $"{key}:{nameof(ProductOptions.Aliases)}:{a}");
                var phrase = FoldedText.FoldPhrase(a < 0 ? name : product.Aliases[a] ?? "");
                if (phrase.Length == 0)
                {
                    problems.Add($"{phraseKey} is empty or has no letters or digits; give a name customers write, e.g. \"K2\", or remove it.");
                }
                else if (!phrases.TryAdd(phrase, name) && !string.Equals(phrases[phrase], name, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{phraseKey} '{(a < 0 ? name : product.Aliases[a])}' also names '{phrases[phrase]}'; a name must point at one product.");
                }
            }
        }

        return problems;
    }

    internal bool HasProduct(string? name) =>
        !string.IsNullOrWhiteSpace(name) && Products.Any(p => string.Equals(p.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));

    internal string KnownProducts() => Products.Count == 0
        ? $"none ({SectionName}:{nameof(Products)} is empty)"
        : string.Join(", ", Products.Select(p => p.Name?.Trim()));
}

/// <summary>One product of the catalogue.</summary>
public sealed class ProductOptions
{
    /// <summary>The name kept on the case and shown in reports, e.g. <c>Kettle K2</c>; also searched for.</summary>
    public string Name { get; set; } = "";

    /// <summary>Other names customers write for it (whole words, ignoring case and diacritics), e.g. <c>K2</c>, <c>czajnik K2</c>.</summary>
    public List<string> Aliases { get; set; } = [];
}
