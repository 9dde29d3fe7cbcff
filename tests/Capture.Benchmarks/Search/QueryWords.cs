namespace Capture.Benchmarks.Search;

/// <summary>
/// Words clerks search the generated archive for, per language: frequent words of the letters in several inflected
/// forms (the index has to find <c>reklamację</c> for <c>reklamacja</c>), stems to type with <c>*</c>, and slips of the
/// keyboard to find with <c>~</c>.
/// </summary>
internal static class QueryWords
{
    /// <summary>
    /// Frequent words of every kind of letter, as they occur (and a few forms only stemming finds: the letters say
    /// <c>megrendelésemet</c>, never <c>megrendelés</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Common = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["pl"] =
        [
            "reklamacja", "reklamację", "reklamacji", "reklamacją", "zamówienie", "zamówienia", "zamówieniu", "dziękuję", "kurier",
            "faktury", "paczka", "gwarancja", "infolinię", "zwrot", "sklepie", "obsługi",
        ],
        ["hu"] =
        [
            "panasz", "panaszt", "panaszomat", "panaszomra", "megrendelés", "megrendelésemet", "számla", "számlát", "köszönöm",
            "futár", "csomag", "garanciajegyet", "ügyfélszolgálat", "jótállás", "szerviz", "rendelés",
        ],
        ["en"] =
        [
            "complaint", "complaints", "complained", "order", "ordered", "refund", "courier", "parcel", "invoice", "delivery",
            "damaged", "replacement", "guarantee", "helpline", "receipt", "store",
        ],
    };

    /// <summary>Products and places in the forms the letters use them (<c>czajnika</c>, <c>Łodzi</c>, <c>mosógépet</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Things = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["pl"] = ["czajnika", "pralka", "pralki", "odkurzacz", "lodówkę", "żelazko", "Łodzi", "Lodz", "Krakowie", "Warszawa"],
        ["hu"] = ["mosógépet", "vízforraló", "porszívóval", "kávéfőző", "Debrecenben", "szegedi", "Budapest", "Pécsett"],
        ["en"] = ["kettle", "washing machine", "fridge freezer", "iron", "Manchester", "Leeds", "Glasgow", "toaster"],
    };

    /// <summary>Beginnings of frequent words, as typed before a <c>*</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Prefixes = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["pl"] = ["zam*", "reklam*", "zamówi*", "faktur*", "gwaranc*", "uszkodz*", "kurier*", "dzięku*"],
        ["hu"] = ["panasz*", "megrendel*", "számla*", "köszön*", "reklamáci*", "ügyfél*", "szállít*"],
        ["en"] = ["complain*", "refund*", "deliver*", "invoic*", "replac*", "guarant*", "order*"],
    };

    /// <summary>Frequent words misspelt as customers and clerks do, for fuzzy queries.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Misspelt = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["pl"] = ["reklamacia~", "zamowienie~", "gwarancia~", "kurjer~", "infolinie~"],
        ["hu"] = ["panasszt~", "szamla~", "megrendeles~", "garancia~", "ügyfélszolgálta~"],
        ["en"] = ["complant~", "refnud~", "recieved~", "guarentee~", "delivary~"],
    };

    /// <summary>
    /// The name with one slip in it (a doubled, dropped or swapped letter, or Polish -ski typed as -sky), then <c>~</c>:
    /// <c>Kowalsky~</c>, <c>Wójcikk~</c>.
    /// </summary>
    public static string Misspell(string name, Random random)
    {
        if (name.EndsWith("ski", StringComparison.Ordinal) && random.Next(2) == 0)
        {
            return name[..^1] + "y~";
        }

        var chars = name.ToList();
        var at = random.Next(1, Math.Max(2, chars.Count - 1));
        switch (random.Next(3))
        {
            case 0:
                chars.Insert(at, chars[at]);
                break;
            case 1 when chars.Count > 4:
                chars.RemoveAt(at);
                break;
            default:
                if (at + 1 < chars.Count)
                {
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                }
                else
                {
                    chars.Add(chars[at]);
                }

                break;
        }

        return new string([.. chars]) + "~";
    }

    /// <summary>A clerk types <c>sn-ax77-0042-19</c> or a name as lower case as often as not.</summary>
    public static string Casually(string value, Random random) => random.Next(2) == 0 ? value.ToLowerInvariant() : value;
}
