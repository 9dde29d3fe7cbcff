namespace Capture.Worker.Cases.Assignment;

/// <summary>
/// Recognises the product an item is about (<see cref="ProductCatalogOptions"/>): the first product, in catalogue
/// order, whose name or one of whose aliases the subject or text holds as whole words, ignoring case and diacritics.
/// Catalogue order rather than position in the text, so the result does not depend on how a letter is phrased and a
/// specific model listed before its family wins.
/// </summary>
public sealed class ProductCatalog
{
    private readonly IReadOnlyList<(string Name, string[] Phrases)> _products;

    /// <summary>Builds the catalogue from settings.</summary>
    /// <param name="options">The catalogue settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem with its key.</exception>
    public ProductCatalog(ProductCatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid product catalogue: " + string.Join(" ", problems), nameof(options));
        }

        _products = [.. options.Products.Select(p => (p.Name.Trim(), p.Aliases.Prepend(p.Name).Select(FoldedText.FoldPhrase).Distinct(StringComparer.Ordinal).ToArray()))];
    }

    /// <summary>True when no products are configured (then nothing is looked for).</summary>
    public bool IsEmpty => _products.Count == 0;

    /// <summary>The product names, in catalogue order.</summary>
    public IEnumerable<string> Names => _products.Select(p => p.Name);

    /// <summary>The product <paramref name="text"/> is about.</summary>
    /// <param name="text">The item's subject and text.</param>
    /// <returns>The product's configured name, or null when none is mentioned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public string? Find(FoldedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, phrases) in _products)
        {
            if (phrases.Any(text.Contains))
            {
                return name;
            }
        }

        return null;
    }
}
