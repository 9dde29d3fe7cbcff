using Archive.Search;

namespace Capture.Benchmarks.Search;

/// <summary>References a letter mentions, so that the document's reference lists name exactly those.</summary>
[Flags]
internal enum Mentions
{
    None = 0,
    Order = 1,
    Invoice = 2,
    Serial = 4,
    Policy = 8,
}

/// <summary>
/// What a case is about and who wrote it: every letter of the case (the first and its follow-ups) tells the same
/// story with the same product, shop, order, invoice, serial and policy numbers.
/// </summary>
internal sealed class CaseFacts
{
    public required LetterLanguage Language { get; init; }

    public required LetterCategory Category { get; init; }

    public required Customer Customer { get; init; }

    public required InflectedWord Product { get; init; }

    public required InflectedWord City { get; init; }

    public required string Street { get; init; }

    public required string Order { get; init; }

    public required string Invoice { get; init; }

    public required string Serial { get; init; }

    public required string Policy { get; init; }

    public required string Model { get; init; }

    public required string Amount { get; init; }

    public required string PurchaseDate { get; init; }

    /// <summary>The date of the first letter as the customer writes it, quoted by follow-ups.</summary>
    public required string FirstLetterDate { get; init; }

    /// <summary>The case as the index sees it; set once the case's whole history is planned.</summary>
    public IndexedCase Case { get; set; } = null!;

    /// <summary>The subject of the first letter, which a reply repeats after "Re: ".</summary>
    public string? FirstSubject { get; set; }
}
