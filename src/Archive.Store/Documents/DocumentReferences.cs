namespace Archive.Store.Documents;

/// <summary>Business references found in a document's text.</summary>
/// <param name="Orders">Order numbers.</param>
/// <param name="Invoices">Invoice numbers.</param>
/// <param name="Serials">Product serial or batch numbers.</param>
/// <param name="Policies">Policy numbers.</param>
public sealed record DocumentReferences(
    IReadOnlyList<string> Orders,
    IReadOnlyList<string> Invoices,
    IReadOnlyList<string> Serials,
    IReadOnlyList<string> Policies)
{
    /// <summary>No references at all.</summary>
    public static DocumentReferences None { get; } = new([], [], [], []);
}
