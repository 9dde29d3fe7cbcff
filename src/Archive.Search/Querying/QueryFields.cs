using Archive.Search.Analysis;
using Archive.Search.Indexing;

namespace Archive.Search.Querying;

/// <summary>How a user-facing field is searched.</summary>
internal enum QueryFieldKind
{
    /// <summary>Whole value, case-insensitive (registration, status, reference numbers).</summary>
    Keyword,

    /// <summary>Analysed, diacritics-insensitive text.</summary>
    Text,

    /// <summary>The whole value as a keyword, or any letter/digit run of it (e-mail addresses, handlers' logins).</summary>
    Identifier,

    /// <summary>An instant: a date, a month, a year, a comparison or a range of dates.</summary>
    Date,

    /// <summary>Whole days the customer has waited: a number, a comparison or a range.</summary>
    DaysWaiting,

    /// <summary>Whether an alert is due: <c>due</c> or <c>scheduled</c>.</summary>
    Alert,
}

/// <summary>A field name a clerk may type before a colon, and where it is searched.</summary>
internal sealed record QueryField(string Name, QueryFieldKind Kind, params string[] IndexFields);

/// <summary>The user-facing field names of the query language and the index fields behind them.</summary>
internal static class QueryFields
{
    /// <summary>The parser's default field: a term without a field is searched in every field below.</summary>
    public const string Any = "\u0001any";

    private static readonly QueryField[] All =
    [
        new("email", QueryFieldKind.Identifier, IndexFields.Email, IndexFields.EmailParts),
        new("name", QueryFieldKind.Text, IndexFields.ContactName),
        new("reg", QueryFieldKind.Keyword, IndexFields.RegistrationNumber),
        new("category", QueryFieldKind.Keyword, IndexFields.Category),
        new("status", QueryFieldKind.Keyword, IndexFields.Status),
        new("lang", QueryFieldKind.Keyword, IndexFields.Language),
        new("handler", QueryFieldKind.Identifier, IndexFields.Handler, IndexFields.HandlerParts),
        new("order", QueryFieldKind.Keyword, IndexFields.Orders),
        new("invoice", QueryFieldKind.Keyword, IndexFields.Invoices),
        new("serial", QueryFieldKind.Keyword, IndexFields.Serials),
        new("policy", QueryFieldKind.Keyword, IndexFields.Policies),
        new("subject", QueryFieldKind.Text, IndexFields.Subject),
        new("file", QueryFieldKind.Text, IndexFields.FileName),
        new("text", QueryFieldKind.Text, [IndexFields.Text, .. StemLanguage.All.Select(language => language.Field)]),
        new("received", QueryFieldKind.Date, IndexFields.ReceivedAt),
        new("waiting", QueryFieldKind.DaysWaiting, IndexFields.WaitingSince),
        new("alert", QueryFieldKind.Alert, IndexFields.AlertDueAt),
    ];

    private static readonly Dictionary<string, QueryField> ByName =
        All.ToDictionary(entry => entry.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Analysed fields a free term is searched in, with their boosts: the text (each word folded and as written, so
    /// exact diacritics score higher), the letter's other words (subject, file name, contact name and e-mail parts),
    /// and the stems in each language, which count for less than the word as typed. Few fields keep a query cheap.
    /// </summary>
    public static readonly (string Field, float Boost)[] FreeTextFields =
    [
        (IndexFields.Text, 1.0f),
        (IndexFields.Meta, 1.2f),
        .. StemLanguage.All.Select(language => (language.Field, StemBoost)),
    ];

    /// <summary>The keyword field a free term is also looked up in whole, so a bare reference number or address finds its case.</summary>
    public static readonly string[] FreeKeywordFields = [IndexFields.Identifiers];

    /// <summary>Identifier hits are strong evidence: boost them above a word that merely occurs in the text.</summary>
    public const float KeywordBoost = 2.0f;

    /// <summary>A match by stem only (another form of the word) counts for less than the word as typed.</summary>
    public const float StemBoost = 0.6f;

    public static string KnownNames => string.Join(", ", All.Select(entry => entry.Name));

    /// <summary>True for the per-language stemmed fields, which hold stems rather than words as written.</summary>
    public static bool IsStemField(string indexField) => StemLanguage.All.Any(language => language.Field == indexField);

    /// <summary>Returns the field, or throws with the list of known fields (and a guess) for a typo.</summary>
    /// <exception cref="InvalidSearchQueryException">The field name is unknown.</exception>
    public static QueryField Resolve(string name)
    {
        if (ByName.TryGetValue(name, out var known))
        {
            return known;
        }

        var guess = All
            .Select(candidate => (candidate.Name, Distance: EditDistance(name.ToLowerInvariant(), candidate.Name)))
            .Where(candidate => candidate.Distance <= 2)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
        var hint = guess is null ? string.Empty : $" Did you mean '{guess}:'?";
        throw new InvalidSearchQueryException(
            $"Unknown field '{name}:' — known fields: {KnownNames}.{hint} To search for text containing a colon, put it in quotes.");
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
