namespace Capture.Classifier.Metadata;

/// <summary>Customer details and reference numbers found in an item.</summary>
public sealed record ExtractedMetadata(
    ContactDetails Contact,
    ReferenceNumbers References,
    IReadOnlyList<DateOnly> Dates);

/// <summary>Who wrote the item, as far as it can be told.</summary>
public sealed record ContactDetails(string? Name, string? Email, string? Phone);

/// <summary>Business reference numbers mentioned in an item, each list without duplicates, in order of appearance.</summary>
public sealed record ReferenceNumbers(
    IReadOnlyList<string> Orders,
    IReadOnlyList<string> Invoices,
    IReadOnlyList<string> Serials,
    IReadOnlyList<string> Policies)
{
    public static ReferenceNumbers None { get; } = new([], [], [], []);
}
