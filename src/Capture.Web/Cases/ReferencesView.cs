namespace Capture.Web.Cases;

/// <summary>The order, invoice, serial and policy numbers a document mentions.</summary>
public sealed record ReferencesView(
    IReadOnlyList<string> Orders,
    IReadOnlyList<string> Invoices,
    IReadOnlyList<string> Serials,
    IReadOnlyList<string> Policies);
