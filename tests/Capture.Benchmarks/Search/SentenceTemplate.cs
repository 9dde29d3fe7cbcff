namespace Capture.Benchmarks.Search;

/// <summary>A value a sentence takes from the letter it is written into.</summary>
internal enum Slot
{
    Product,
    City,
    Item,
    Model,
    Order,
    Invoice,
    Serial,
    Policy,
    Registration,
    PurchaseDate,
    FirstLetterDate,
    Amount,
    Days,
    Name,
    Phone,
    Email,
    Staff,
    Street,
}

/// <summary>What a piece of a template is: fixed text, a slot, or a word chosen by a grammatical gender.</summary>
internal enum PartKind
{
    Literal,
    Slot,
    AuthorGender,
    ProductGender,
}

/// <summary>One piece of a compiled template.</summary>
/// <param name="Kind">What the piece is.</param>
/// <param name="Text">The literal text (for <see cref="PartKind.Literal"/>).</param>
/// <param name="Slot">The slot (for <see cref="PartKind.Slot"/>).</param>
/// <param name="Form">The inflected form of the slot's word (product and city cases, staff gender).</param>
/// <param name="Choices">The words to choose from by gender: male, female (and neuter for products).</param>
internal readonly record struct TemplatePart(PartKind Kind, string Text, Slot Slot, int Form, string[]? Choices);

/// <summary>The names a language gives to the inflected forms of its products and cities in templates.</summary>
/// <param name="ProductForms">E.g. <c>nom, gen, acc, ins, loc</c> for Polish: <c>{p.gen}</c> is form 1.</param>
/// <param name="CityForms">E.g. <c>nom, gen, loc</c> for Polish: <c>{c.loc}</c> is form 2.</param>
internal sealed record TemplateGrammar(string[] ProductForms, string[] CityForms);

/// <summary>
/// A sentence pattern, compiled once so that writing it is a handful of appends: literal text, slots such as
/// <c>{order}</c> or <c>{p.gen}</c> (the product in the genitive), and words chosen by the author's gender
/// (<c>{a:zamówiłem|zamówiłam}</c>) or the product's (<c>{g:który|która|które}</c>). A leading <c>!</c> marks a
/// sentence that only a complaint would contain ("the courier never came").
/// </summary>
internal sealed class SentenceTemplate
{
    private static readonly Dictionary<string, Slot> PlainSlots = new(StringComparer.Ordinal)
    {
        ["item"] = Slot.Item,
        ["model"] = Slot.Model,
        ["order"] = Slot.Order,
        ["invoice"] = Slot.Invoice,
        ["serial"] = Slot.Serial,
        ["policy"] = Slot.Policy,
        ["reg"] = Slot.Registration,
        ["date"] = Slot.PurchaseDate,
        ["firstdate"] = Slot.FirstLetterDate,
        ["amount"] = Slot.Amount,
        ["days"] = Slot.Days,
        ["name"] = Slot.Name,
        ["phone"] = Slot.Phone,
        ["email"] = Slot.Email,
        ["street"] = Slot.Street,
    };

    private readonly TemplatePart[] parts;

    /// <exception cref="FormatException">The pattern has an unknown or unclosed slot.</exception>
    public SentenceTemplate(string pattern, TemplateGrammar grammar)
    {
        var list = new List<TemplatePart>();
        ComplaintOnly = pattern.StartsWith('!');
        var position = ComplaintOnly ? 1 : 0;
        while (position < pattern.Length)
        {
            var open = pattern.IndexOf('{', position);
            if (open < 0)
            {
                list.Add(Literal(pattern[position..]));
                break;
            }

            if (open > position)
            {
                list.Add(Literal(pattern[position..open]));
            }

            var close = pattern.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Unclosed slot in \"{pattern}\".");
            }

            list.Add(ParseSlot(pattern[(open + 1)..close], pattern, grammar));
            position = close + 1;
        }

        parts = [.. list];
        LiteralSpaces = parts.Where(part => part.Kind == PartKind.Literal).Sum(part => part.Text.AsSpan().Count(' '));
    }

    /// <summary>Whether only a complaint tells this (a suggestion or a thank-you letter does not).</summary>
    public bool ComplaintOnly { get; }

    /// <summary>The pieces, in order.</summary>
    public ReadOnlySpan<TemplatePart> Parts => parts;

    /// <summary>Spaces in the literal text: with the slots' own spaces, the sentence's word count minus one.</summary>
    public int LiteralSpaces { get; }

    private static TemplatePart Literal(string text) => new(PartKind.Literal, text, default, 0, null);

    private static TemplatePart ParseSlot(string slot, string pattern, TemplateGrammar grammar)
    {
        if (slot.StartsWith("a:", StringComparison.Ordinal))
        {
            return new(PartKind.AuthorGender, "", default, 0, Choices(slot, 2, pattern));
        }

        if (slot.StartsWith("g:", StringComparison.Ordinal))
        {
            return new(PartKind.ProductGender, "", default, 0, Choices(slot, 3, pattern));
        }

        if (PlainSlots.TryGetValue(slot, out var plain))
        {
            return new(PartKind.Slot, "", plain, 0, null);
        }

        var (kind, forms) = slot.Split('.') switch
        {
            ["p", _] or ["p"] => (Slot.Product, grammar.ProductForms),
            ["c", _] or ["c"] => (Slot.City, grammar.CityForms),
            ["staff", _] => (Slot.Staff, ["m", "f"]),
            _ => throw new FormatException($"Unknown slot {{{slot}}} in \"{pattern}\"."),
        };
        var dot = slot.IndexOf('.', StringComparison.Ordinal);
        var form = dot < 0 ? 0 : Array.IndexOf(forms, slot[(dot + 1)..]);
        return form >= 0
            ? new(PartKind.Slot, "", kind, form, null)
            : throw new FormatException($"Unknown form in {{{slot}}} of \"{pattern}\" (known: {string.Join(", ", forms)}).");
    }

    private static string[] Choices(string slot, int expected, string pattern)
    {
        var choices = slot[2..].Split('|');
        return choices.Length == expected
            ? choices
            : throw new FormatException($"{{{slot}}} in \"{pattern}\" needs {expected} choices.");
    }
}
