namespace Capture.Benchmarks.Search;

/// <summary>A customer who writes to the company: the same person (name, address, phone) across their cases.</summary>
internal sealed record Customer(string Name, string FirstName, string Surname, bool Female, string Email, string Phone);

/// <summary>
/// First names and surnames of one language, with the folded forms e-mail addresses are made of. Surnames are given in
/// their masculine form; Polish ones in -ski/-cki/-dzki take -ska/-cka/-dzka for a woman.
/// </summary>
internal sealed class NameBook
{
    private readonly (string Name, string Folded)[] male;
    private readonly (string Name, string Folded)[] female;
    private readonly (string Male, string Female, string Folded, string FoldedFemale)[] surnames;
    private readonly bool familyNameFirst;

    public NameBook(string[] maleNames, string[] femaleNames, string[] surnameList, bool familyNameFirst)
    {
        male = [.. maleNames.Select(name => (name, AsciiFolding.ForEmail(name)))];
        female = [.. femaleNames.Select(name => (name, AsciiFolding.ForEmail(name)))];
        surnames = [.. surnameList.Select(name => (name, Feminine(name), AsciiFolding.ForEmail(name), AsciiFolding.ForEmail(Feminine(name))))];
        this.familyNameFirst = familyNameFirst;
    }

    /// <summary>A first name for a member of staff mentioned in a letter.</summary>
    public string FirstName(Random random, bool isFemale) =>
        isFemale ? female[random.Next(female.Length)].Name : male[random.Next(male.Length)].Name;

    /// <summary>A new customer: a name, an address derived from it in one of the ways people choose, and a phone number.</summary>
    public Customer NewCustomer(Random random, LetterLanguage language)
    {
        var isFemale = random.Next(2) == 0;
        var (first, firstFolded) = isFemale ? female[random.Next(female.Length)] : male[random.Next(male.Length)];
        var entry = surnames[Skewed(random, surnames.Length)];
        var (last, lastFolded) = isFemale ? (entry.Female, entry.FoldedFemale) : (entry.Male, entry.Folded);
        var name = familyNameFirst ? $"{last} {first}" : $"{first} {last}";
        var number = random.Next(1, 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        var local = random.Next(8) switch
        {
            0 or 1 or 2 => $"{firstFolded}.{lastFolded}",
            3 => $"{firstFolded}{lastFolded}",
            4 => $"{firstFolded[0]}.{lastFolded}",
            5 => $"{lastFolded}.{firstFolded}",
            6 => $"{firstFolded}.{lastFolded}{number}",
            _ => $"{firstFolded}_{lastFolded}{number}",
        };
        var domain = language.EmailDomains[Skewed(random, language.EmailDomains.Length)];
        return new Customer(name, first, last, isFemale, $"{local}@{domain}", language.FormatPhone(random));
    }

    /// <summary>An index in 0..count-1 where the first entries are the most common (roughly Zipf's law, as surnames are).</summary>
    public static int Skewed(Random random, int count) => (int)Math.Min(count - 1, Math.Floor(Math.Pow(count + 1, random.NextDouble()) - 1));

    private static string Feminine(string surname) =>
        surname.EndsWith("ski", StringComparison.Ordinal) || surname.EndsWith("cki", StringComparison.Ordinal) || surname.EndsWith("dzki", StringComparison.Ordinal)
            ? surname[..^1] + "a"
            : surname;
}
