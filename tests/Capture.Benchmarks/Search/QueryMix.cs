using System.Globalization;
using Archive.Search;

namespace Capture.Benchmarks.Search;

/// <summary>One query of the mix, with the kind the report groups it under.</summary>
internal sealed record BenchmarkQuery(string Kind, string Query, SearchSort Sort);

/// <summary>
/// The fixed mix of 1,000 queries the benchmark times: the same for the same archive, built from values the generator
/// produced (sampled while it ran) so that they find something, in a shuffled order so that no kind gets a warmer cache.
/// </summary>
internal static class QueryMix
{
    public const int Size = 1000;

    /// <summary>The kinds of query and how many of each.</summary>
    public static readonly IReadOnlyList<(string Kind, int Count, string Example)> Composition =
    [
        ("word", 80, "reklamację · panaszomra · complained"),
        ("word-rare", 60, "a part or model code few letters mention: wężownica · XZ-7250"),
        ("words", 60, "pralka Kraków · refund kettle"),
        ("phrase", 80, "\"uprzejmie przypominam o\""),
        ("boolean", 60, "(mosógép OR porszívó) AND Szeged · reklamacja NOT pralka"),
        ("prefix", 50, "zam* · kowal*"),
        ("fuzzy", 50, "Kowalsky~ · complant~"),
        ("bare-reference", 50, "C-2026-004575 · ZAM/2026/04512 · jan.kowalski@example.pl"),
        ("field-contact", 60, "email:… · name:\"Kovács Zoltán\" · name:Wójcik"),
        ("field-reference", 60, "reg:… · order:… · invoice:… · serial:… · policy:…"),
        ("field-facet", 60, "category:thanks · status:pending-on-customer · lang:hu · handler:anna.nowak"),
        ("date-range", 40, "received:[2026-10-01 TO 2026-10-31] · received:2025-03"),
        ("waiting-alert", 40, "waiting:>7 · waiting:[3 TO 10] · alert:due · alert:scheduled"),
        ("filtered", 100, "reklamacja AND category:complaint AND status:closed"),
        ("sorted", 150, "category:complaint, newest first · status:pending-on-company, longest waiting first"),
    ];

    /// <summary>Builds the mix from what the archive's pass sampled; <paramref name="seed"/> fixes the choices.</summary>
    public static IReadOnlyList<BenchmarkQuery> Build(ArchiveSample sample, int seed = 4242)
    {
        var random = new Random(seed);
        var maker = new QueryMaker(sample, random);
        var queries = new List<BenchmarkQuery>(Size);
        foreach (var (kind, count, _) in Composition)
        {
            for (var i = 0; i < count; i++)
            {
                var (query, sort) = maker.Make(kind);
                queries.Add(new BenchmarkQuery(kind, query, sort));
            }
        }

        var shuffled = queries.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>Makes queries of each kind from the sample.</summary>
    private sealed class QueryMaker(ArchiveSample sample, Random random)
    {
        private static readonly string[] Categories = ["complaint", "suggestion", "thanks", "unclassified"];
        private static readonly string[] Statuses = ["not-started", "pending-on-company", "pending-on-customer", "closed"];
        private static readonly int[] WaitingDays = [1, 3, 7, 14, 30];

        private readonly IReadOnlyList<SampledContact> contacts = sample.Contacts.Items;
        private readonly IReadOnlyList<SampledContact> withEmail = [.. sample.Contacts.Items.Where(contact => contact.Email is not null)];
        private readonly IReadOnlyList<SampledCase> cases = sample.Cases.Items;
        private readonly IReadOnlyList<SampledPhrase> phrases = sample.Phrases.Items;
        private readonly IReadOnlyList<SampledTerm> rareTerms = sample.RareTerms.Items;

        public (string Query, SearchSort Sort) Make(string kind) => kind switch
        {
            "word" => (random.Next(3) == 0 ? Pick(QueryWords.Things[Language()]) : CommonWord(Language()), SearchSort.Relevance),
            "word-rare" => (RareTerm(), SearchSort.Relevance),
            "words" => (TwoWords(), SearchSort.Relevance),
            "phrase" => ($"\"{Pick(phrases).Phrase}\"", SearchSort.Relevance),
            "boolean" => (Boolean(), SearchSort.Relevance),
            "prefix" => (Prefix(), SearchSort.Relevance),
            "fuzzy" => (random.Next(3) == 0 ? Pick(QueryWords.Misspelt[Language()]) : QueryWords.Misspell(Pick(contacts).Surname, random), SearchSort.Relevance),
            "bare-reference" => (BareReference(), SearchSort.Relevance),
            "field-contact" => (ContactField(), SearchSort.Relevance),
            "field-reference" => (ReferenceField(), SearchSort.Relevance),
            "field-facet" => (FacetField(), SearchSort.Relevance),
            "date-range" => (DateRange(), SearchSort.Relevance),
            "waiting-alert" => (WaitingOrAlert(), SearchSort.Relevance),
            "filtered" => (Filtered(), SearchSort.Relevance),
            "sorted" => Sorted(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown query kind."),
        };

        private string Language() => random.NextDouble() switch { < 0.4 => "pl", < 0.7 => "hu", _ => "en" };

        private static LetterLanguage Letters(string code) => ArchiveGenerator.Languages.First(language => language.Code == code);

        private string CommonWord(string language) => Pick(QueryWords.Common[language]);

        private string Product(string language) => Pick(Letters(language).Products).Forms[0];

        private string City(string language) => Pick(Letters(language).Cities).Forms[0];

        /// <summary>A product as one operand of AND/OR/NOT: "washing machine" in quotes.</summary>
        private string ProductTerm(string language) => Product(language) is var product && product.Contains(' ', StringComparison.Ordinal) ? $"\"{product}\"" : product;

        /// <summary>A sampled part or model code; of "Voltaro XZ-7250" a clerk types the code.</summary>
        private string RareTerm()
        {
            var term = Pick(rareTerms).Term;
            var space = term.LastIndexOf(' ');
            return space > 0 && term.Contains('-', StringComparison.Ordinal) ? term[(space + 1)..] : term;
        }

        private string TwoWords()
        {
            var language = Language();
            return random.Next(3) switch
            {
                0 => $"{CommonWord(language)} {Product(language)}",
                1 => $"{Product(language)} {City(language)}",
                _ => $"{CommonWord(language)} {City(language)}",
            };
        }

        private string Boolean()
        {
            var language = Language();
            return random.Next(4) switch
            {
                0 => $"{CommonWord(language)} AND {ProductTerm(language)}",
                1 => $"{ProductTerm(language)} OR {ProductTerm(language)}",
                2 => $"{CommonWord(language)} NOT {ProductTerm(language)}",
                _ => $"({ProductTerm(language)} OR {ProductTerm(language)}) AND {City(language)}",
            };
        }

        private string Prefix()
        {
            var surname = Pick(contacts).Surname;
            return random.Next(3) == 0 && surname.Length >= 6
                ? QueryWords.Casually(surname[..5], random) + "*"
                : Pick(QueryWords.Prefixes[Language()]);
        }

        private string BareReference() => random.Next(6) switch
        {
            0 => Pick(cases).RegistrationNumber,
            1 => Pick(withEmail).Email!,
            2 => Pick(sample.Orders.Items),
            3 => Pick(sample.Invoices.Items),
            4 => QueryWords.Casually(Pick(sample.Serials.Items), random),
            _ => Pick(sample.Policies.Items),
        };

        private string ContactField()
        {
            var contact = Pick(contacts);
            return random.Next(3) switch
            {
                0 => "email:" + Pick(withEmail).Email,
                1 => $"name:\"{contact.Name}\"",
                _ => "name:" + contact.Surname,
            };
        }

        private string ReferenceField() => random.Next(5) switch
        {
            0 => "reg:" + Pick(cases).RegistrationNumber,
            1 => "order:" + Pick(sample.Orders.Items),
            2 => "invoice:" + Pick(sample.Invoices.Items),
            3 => "serial:" + QueryWords.Casually(Pick(sample.Serials.Items), random),
            _ => "policy:" + Pick(sample.Policies.Items),
        };

        private string FacetField() => random.Next(4) switch
        {
            0 => "category:" + Pick(Categories),
            1 => "status:" + Pick(Statuses),
            2 => "lang:" + Language(),
            _ => "handler:" + Pick(ArchiveGenerator.Handlers),
        };

        /// <summary>A calendar month, a week or a single month written as <c>2025-03</c>, within the archive's years.</summary>
        private string DateRange()
        {
            var month = ArchiveGenerator.FirstArrival.AddMonths(random.Next(35));
            var day = month.AddDays(random.Next(21));
            return random.Next(3) switch
            {
                0 => $"received:[{Date(month)} TO {Date(month.AddMonths(1).AddDays(-1))}]",
                1 => $"received:[{Date(day)} TO {Date(day.AddDays(6))}]",
                _ => "received:" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            };
        }

        private string WaitingOrAlert() => random.Next(6) switch
        {
            0 => $"waiting:>{Pick(WaitingDays)}",
            1 => $"waiting:[{random.Next(1, 5)} TO {random.Next(6, 20)}]",
            2 => "alert:due",
            3 => "alert:scheduled",
            4 => "alert:due AND handler:" + Pick(ArchiveGenerator.Handlers),
            _ => "waiting:>7 AND category:complaint",
        };

        private string Filtered()
        {
            var language = Language();
            var @case = Pick(cases);
            return random.Next(5) switch
            {
                0 => $"{CommonWord(language)} AND category:{@case.Category} AND status:{@case.Status}",
                1 => $"{ProductTerm(language)} AND lang:{language} AND {DateRange()}",
                2 => $"{CommonWord(language)} AND handler:{Pick(ArchiveGenerator.Handlers)}",
                3 => $"{City(language)} AND category:{@case.Category} AND NOT status:closed",
                _ => language switch
                {
                    "pl" => "reklamacja AND category:complaint AND status:closed",
                    "hu" => "panasz AND category:complaint AND status:closed",
                    _ => "complaint AND category:complaint AND status:closed",
                },
            };
        }

        private (string Query, SearchSort Sort) Sorted()
        {
            var language = Language();
            return random.Next(8) switch
            {
                0 => (CommonWord(language), SearchSort.Newest),
                1 => ("category:" + Pick(Categories), SearchSort.Newest),
                2 => (ProductTerm(language), SearchSort.Oldest),
                3 => ("status:" + Pick(Statuses[..2]), SearchSort.LongestWaiting),
                4 => ("waiting:>7", SearchSort.LongestWaiting),
                5 => ("handler:" + Pick(ArchiveGenerator.Handlers) + " AND NOT status:closed", SearchSort.LongestWaiting),
                6 => ($"lang:{language} AND category:{Pick(Categories)}", SearchSort.RegistrationNumber),
                _ => (Pick(contacts).Surname, SearchSort.RegistrationNumberDescending),
            };
        }

        private static string Date(DateTimeOffset day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private T Pick<T>(IReadOnlyList<T> values) =>
            values.Count > 0 ? values[random.Next(values.Count)] : throw new InvalidOperationException("The archive is too small to sample queries from.");
    }
}
