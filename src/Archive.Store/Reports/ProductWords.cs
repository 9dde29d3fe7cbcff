using System.Text.RegularExpressions;

namespace Archive.Store.Reports;

/// <summary>
/// The product-like words of a complaint's text: words of three or more letters (digits and hyphens allowed inside, as
/// in model names such as <c>K2-400</c>), folded to lower case, without the stop words of Polish, Hungarian and English
/// letters, the vocabulary every complaint shares (order, refund, complaint…), the words of the sender's name, and the
/// parts of e-mail and web addresses (the <c>example</c> of <c>anna@example.com</c> is no product). A word that several
/// customers' complaints in a period name, and that ordinary letters seldom use (<see cref="LetterVocabulary"/>), is a
/// product (or part) people keep complaining about.
/// </summary>
public static partial class ProductWords
{
    /// <summary>The distinct product-like words of <paramref name="text"/>.</summary>
    /// <param name="text">A complaint's text (its subject and extracted text).</param>
    /// <param name="contactName">The sender's name, whose words are not products.</param>
    /// <returns>The words, lower case, each once.</returns>
    public static IReadOnlySet<string> Of(string text, string? contactName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = Words(contactName ?? "").ToHashSet(StringComparer.Ordinal);
        return Words(Address().Replace(text, " ")).Where(w => !StopWords.Contains(w) && !name.Contains(w) && w.Any(char.IsLetter) && !LooksLikeAnIdentifier(w)).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.Trim('-').ToLowerInvariant()).Where(w => w.Length is >= 3 and <= 40);

    /// <summary>Hexadecimal or long digit runs (hashes, message ids, order numbers) name no product.</summary>
    private static bool LooksLikeAnIdentifier(string word) =>
        word.Count(char.IsDigit) > 4 || (word.Length >= 6 && word.All(char.IsAsciiHexDigit) && word.Count(char.IsDigit) >= 2);

    [GeneratedRegex(@"\p{L}[\p{L}\p{Nd}\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>An e-mail address, a URL or a bare <c>www.</c> host name.</summary>
    [GeneratedRegex(@"[^\s<>()\[\]""',;:]+@[^\s<>()\[\]""',;:]+|\b(?:https?://|www\.)\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "the", "and", "for", "you", "your", "yours", "with", "this", "that", "these", "those", "have", "has", "had", "was", "were", "are", "but",
        "not", "from", "our", "all", "any", "can", "will", "would", "could", "should", "please", "thank", "thanks", "dear", "regards", "kind",
        "hello", "sincerely", "also", "very", "just", "about", "into", "after", "before", "when", "what", "which", "there", "their", "they",
        "them", "then", "than", "been", "being", "its", "it's", "i'm", "don't", "did", "does", "done", "still", "again", "only", "more", "most",
        "some", "such", "here", "where", "who", "how", "why", "because", "since", "now", "out", "one", "two", "first", "last", "time", "new",
        "day", "days", "week", "weeks", "month", "months", "year", "order", "ordered", "orders", "bought", "purchase", "purchased", "product",
        "products", "item", "items", "complaint", "complain", "complaints", "problem", "problems", "issue", "issues", "received", "receive",
        "back", "money", "refund", "return", "returned", "replace", "replacement", "customer", "service", "shop", "store", "number", "invoice",
        "subject", "re", "fwd", "mail", "e-mail", "email", "phone", "address", "name", "message", "form", "topic", "submitted", "contact",
        // Polish
        "oraz", "jest", "nie", "się", "dla", "ale", "przez", "który", "która", "które", "którą", "jego", "jej", "ich", "mnie", "mój", "moja",
        "moje", "pan", "pani", "państwo", "szanowni", "dzień", "dobry", "pozdrawiam", "poważaniem", "proszę", "bardzo", "został", "została",
        "zostało", "było", "była", "był", "będzie", "tylko", "także", "już", "jeszcze", "kiedy", "gdzie", "czy", "aby", "też", "tym", "tego",
        "tej", "jak", "może", "reklamacja", "reklamację", "reklamacji", "zamówienie", "zamówienia", "zamówiony", "zamówiona", "towar",
        "produkt", "wymianę", "wymiana", "zwrot", "pieniędzy", "dni", "tydzień", "nazwisko", "imię", "telefon", "adres", "sklep", "numer",
        "faktura", "faktury", "dziękuję", "uprzejmie", "niestety", "mam", "jestem", "przyszedł", "przyszła", "od", "do", "na",
        // Hungarian
        "és", "az", "egy", "hogy", "nem", "volt", "van", "vagy", "mert", "csak", "már", "még", "ezt", "azt", "ami", "amely", "kérem",
        "köszönöm", "tisztelettel", "üdvözlettel", "napot", "panasz", "panaszt", "rendelés", "rendelést", "rendelésem", "termék", "terméket",
        "vissza", "pénzt", "nap", "hét", "számla", "számú", "kívánok", "sajnos", "szeretném", "kérném", "után", "óta", "meg", "ez", "én",
    };
}
