namespace Capture.Classifier.Metadata;

/// <summary>
/// Customer details, reference numbers, dates and amounts found in an item. The positional properties are the
/// chosen values; <see cref="Fields"/> holds every finding with its confidence and where it was found.
/// </summary>
/// <param name="Contact">The writer's name, e-mail address and phone number.</param>
/// <param name="References">Order, invoice, serial and policy numbers.</param>
/// <param name="Dates">Every distinct date written in the text, the letter's own date included, in order of appearance.</param>
public sealed record ExtractedMetadata(
    ContactDetails Contact,
    ReferenceNumbers References,
    IReadOnlyList<DateOnly> Dates)
{
    /// <summary>Every value found, each with its confidence (0..1) and location (header, body, letterhead, signature).</summary>
    public IReadOnlyList<MetadataField> Fields { get; init; } = [];

    /// <summary>
    /// True when a person at the company wrote this e-mail (its From address is in <see cref="MetadataOptions.CompanyDomains"/>,
    /// is not a robot or web-form sender, and it forwards no one else's message): a reply to the customer copied to the
    /// capture mailbox, not the customer's own words.
    /// </summary>
    public bool WrittenByCompany { get; init; }

    /// <summary>The writer's phone number as written (the same as <see cref="ContactDetails.Phone"/>).</summary>
    public string? Phone => Contact.Phone;

    /// <summary>The writer's postal address, if one was found.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>The postcode of <see cref="Address"/>.</summary>
    public string? Postcode => Address?.Postcode;

    /// <summary>
    /// The date the item was written: the e-mail's Date header, a <c>Date:</c> line, or a letter's place-and-date line
    /// (<c>Warszawa, 3 listopada 2026 r.</c>, <c>Budapest, 2026. november 3.</c>).
    /// </summary>
    public DateOnly? LetterDate { get; init; }

    /// <summary>The distinct dates the text mentions other than at the letter's own date line, in order of appearance.</summary>
    public IReadOnlyList<DateOnly> MentionedDates { get; init; } = [];

    /// <summary>Amounts of money with their currency, in order of appearance, without repeats.</summary>
    public IReadOnlyList<MoneyAmount> Amounts { get; init; } = [];

    /// <summary>The most confident field of <paramref name="kind"/>, or null when none was found.</summary>
    public MetadataField? Best(MetadataFieldKind kind) =>
        Fields.Where(f => f.Kind == kind).OrderByDescending(f => f.Confidence).FirstOrDefault();
}

/// <summary>Who wrote the item, as far as it can be told.</summary>
/// <param name="Name">The writer's name as written (<c>Jan Kowalski</c>, <c>Kovács Péter</c>).</param>
/// <param name="Email">The writer's e-mail address, lower-cased.</param>
/// <param name="Phone">The writer's phone number as written.</param>
public sealed record ContactDetails(string? Name, string? Email, string? Phone);

/// <summary>Business reference numbers mentioned in an item, each list without duplicates, in order of appearance.</summary>
public sealed record ReferenceNumbers(
    IReadOnlyList<string> Orders,
    IReadOnlyList<string> Invoices,
    IReadOnlyList<string> Serials,
    IReadOnlyList<string> Policies)
{
    /// <summary>No reference numbers.</summary>
    public static ReferenceNumbers None { get; } = new([], [], [], []);
}
