using System.Globalization;
using Archive.Search;

namespace Capture.Benchmarks.Search;

/// <summary>A case as planned when its first letter arrives: what it is about, and when its follow-ups will come.</summary>
/// <param name="Facts">The story every letter of the case tells, with the case as the index sees it.</param>
/// <param name="FollowUps">When the follow-ups arrive (none for four cases in five), all before the archive ends.</param>
/// <param name="Channel">How the letters came: 0 e-mail, 1 scanned paper, 2 a document attached to a web form.</param>
internal sealed record PlannedCase(CaseFacts Facts, IReadOnlyList<DateTimeOffset> FollowUps, int Channel);

/// <summary>
/// Plans each new case: language (40 % pl, 30 % hu, 30 % en), kind of letter (55 % complaint, 25 % suggestion, 20 %
/// thanks; 3 % of cases stay unclassified), the customer (one in ten has written before), the product and
/// reference numbers, the follow-ups, and the state the case is in now, which depends on its age: old cases are
/// closed, recent ones are waiting on the company or the customer, with handlers, waiting clocks and alerts.
/// </summary>
internal sealed class CasePlanner(Random random)
{
    private static readonly string[] Brands = ["Voltaro", "Kelvo", "Nordtek", "Brisa", "Heldra", "Tervik", "Lumio", "Sanvio", "Delmar", "Fenwick"];

    private readonly Dictionary<int, int> sequenceByYear = [];
    private readonly Customer?[][] recentCustomers = [new Customer?[4096], new Customer?[4096], new Customer?[4096]];
    private readonly int[] customersSeen = new int[3];

    public PlannedCase Plan(DateTimeOffset receivedAt, string caseId)
    {
        var languageIndex = random.NextDouble() switch { < 0.4 => 0, < 0.7 => 1, _ => 2 };
        var language = ArchiveGenerator.Languages[languageIndex];
        var letterCategory = random.NextDouble() switch { < 0.55 => LetterCategory.Complaint, < 0.80 => LetterCategory.Suggestion, _ => LetterCategory.Thanks };
        var purchase = receivedAt.UtcDateTime.Date.AddDays(-1 - (int)(60 * random.NextDouble() * random.NextDouble()));
        var price = Math.Clamp(Math.Exp(Math.Log(300) + (0.9 * Gaussian())), 20, 20_000);
        var facts = new CaseFacts
        {
            Language = language,
            Category = letterCategory,
            Customer = CustomerFor(languageIndex, language),
            Product = language.Products[random.Next(language.Products.Length)],
            City = language.Cities[NameBook.Skewed(random, language.Cities.Length)],
            Street = language.FormatStreet(language.Streets[NameBook.Skewed(random, language.Streets.Length)], random.Next(1, 150)),
            Order = language.FormatOrder(purchase.Year, random.Next(1, 100_000)),
            Invoice = language.FormatInvoice(purchase.Year, purchase.Month, random.Next(1, 10_000)),
            Serial = string.Create(CultureInfo.InvariantCulture, $"SN-{Letter()}{Letter()}{random.Next(10, 100)}-{random.Next(10_000):D4}-{random.Next(100):D2}"),
            Policy = string.Create(CultureInfo.InvariantCulture, $"POL-{random.Next(100_000, 1_000_000)}"),
            Model = string.Create(CultureInfo.InvariantCulture, $"{Brands[NameBook.Skewed(random, Brands.Length)]} {Letter()}{Letter()}-{random.Next(100, 1000) * 10}"),
            Amount = language.FormatAmount(languageIndex == 2 ? (int)(price / 5) + 1 : (int)price, random.Next(2) == 0 ? 99 : random.Next(100), random.Next(3)),
            PurchaseDate = language.FormatDate(purchase, random.Next(3)),
            FirstLetterDate = language.FormatDate(receivedAt.UtcDateTime.Date, random.Next(3)),
        };

        var followUps = FollowUpTimes(receivedAt, letterCategory);
        var last = followUps.Count > 0 ? followUps[^1] : receivedAt;
        var channel = random.NextDouble() switch { < 0.65 => 0, < 0.9 => 1, _ => 2 };
        facts.Case = CaseState(caseId, facts, receivedAt, last, channel, languageIndex);
        return new PlannedCase(facts, followUps, channel);
    }

    private IndexedCase CaseState(string caseId, CaseFacts facts, DateTimeOffset first, DateTimeOffset last, int channel, int languageIndex)
    {
        var year = first.Year;
        var sequence = sequenceByYear[year] = sequenceByYear.GetValueOrDefault(year) + 1;
        var unclassified = random.NextDouble() < 0.03;
        var category = unclassified ? "unclassified" : facts.Category.ToString().ToLowerInvariant();
        var status = Status(ArchiveGenerator.Now - first, facts.Category, unclassified);
        var open = status != "closed";
        var handler = Handler(status, languageIndex);
        DateTimeOffset? waitingSince = status switch { "not-started" => first, "pending-on-company" => last, _ => null };
        DateTimeOffset? alertDueAt = open && random.NextDouble() < 0.10
            ? (waitingSince ?? last).AddDays(random.Next(3) switch { 0 => 3, 1 => 7, _ => 14 })
            : null;
        return new IndexedCase(
            caseId,
            string.Create(CultureInfo.InvariantCulture, $"C-{year}-{sequence:D6}"),
            year,
            sequence,
            category,
            status,
            handler,
            facts.Customer.Name,
            channel == 1 && random.NextDouble() < 0.7 ? null : facts.Customer.Email,
            waitingSince,
            alertDueAt);
    }

    /// <summary>Most unstarted cases have nobody yet; the rest have someone, nine times in ten from the letter's language team.</summary>
    private string? Handler(string status, int languageIndex)
    {
        if (random.NextDouble() < (status == "not-started" ? 0.75 : 0.04))
        {
            return null;
        }

        var team = random.NextDouble() < 0.9 ? languageIndex : random.Next(3);
        return ArchiveGenerator.Handlers[(team * 7) + random.Next(team == 2 ? 6 : 7)];
    }

    /// <summary>Where a case stands now: the older it is, the likelier it is closed.</summary>
    private string Status(TimeSpan age, LetterCategory category, bool unclassified)
    {
        var open = age.TotalDays switch { < 7 => 0.85, < 30 => 0.45, < 90 => 0.12, < 365 => 0.03, _ => 0.008 };
        if (category == LetterCategory.Thanks)
        {
            open /= 2;
        }

        if (random.NextDouble() >= open)
        {
            return "closed";
        }

        if (unclassified)
        {
            return "not-started";
        }

        var draw = random.NextDouble();
        return age.TotalDays < 3
            ? draw switch { < 0.6 => "not-started", < 0.85 => "pending-on-company", _ => "pending-on-customer" }
            : draw switch { < 0.15 => "not-started", < 0.65 => "pending-on-company", _ => "pending-on-customer" };
    }

    /// <summary>
    /// Follow-ups for 30 % of complaints and 12 % of suggestions (a fifth of all cases), thank-you letters none; a quarter
    /// of those get a second one. Each comes a day to six weeks after the letter before.
    /// </summary>
    private List<DateTimeOffset> FollowUpTimes(DateTimeOffset first, LetterCategory category)
    {
        var withFollowUps = category switch { LetterCategory.Complaint => 0.30, LetterCategory.Suggestion => 0.12, _ => 0 };
        var draw = random.NextDouble();
        var count = draw < withFollowUps * 0.75 ? 1 : draw < withFollowUps ? 2 : 0;
        var times = new List<DateTimeOffset>(count);
        var at = first;
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            at = at.AddDays(1 + (44 * u * u)).AddMinutes(random.Next(-300, 300));
            if (at < ArchiveGenerator.LastArrival)
            {
                times.Add(at);
            }
        }

        return times;
    }

    private Customer CustomerFor(int languageIndex, LetterLanguage language)
    {
        var recent = recentCustomers[languageIndex];
        var seen = customersSeen[languageIndex];
        if (seen > 100 && random.NextDouble() < 0.10 && recent[random.Next(Math.Min(seen, recent.Length))] is { } returning)
        {
            return returning;
        }

        var customer = language.Names.NewCustomer(random, language);
        recent[seen % recent.Length] = customer;
        customersSeen[languageIndex] = seen + 1;
        return customer;
    }

    private char Letter() => (char)('A' + random.Next(26));

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
