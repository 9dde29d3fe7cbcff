namespace Capture.Classifier.Metadata;

/// <summary>A postal address as written in a letter or signature.</summary>
/// <param name="Street">The street line (<c>ul. Źródlana 17 m. 4</c>, <c>Petőfi Sándor utca 31.</c>, <c>14 Elm Road</c>), if found.</param>
/// <param name="Postcode">The postcode: Polish <c>61-874</c>, Hungarian <c>6720</c> or UK <c>LS6 2QT</c>.</param>
/// <param name="City">The town, if found.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code the postcode format belongs to: <c>PL</c>, <c>HU</c> or <c>GB</c>.</param>
public sealed record PostalAddress(string? Street, string Postcode, string? City, string Country)
{
    /// <summary>The address on one line, e.g. <c>ul. Źródlana 17 m. 4, 61-874 Poznań</c>.</summary>
    public override string ToString() =>
        string.Join(", ", new[] { Street, string.Join(' ', new[] { Postcode, City }.Where(p => p is not null)) }.Where(p => !string.IsNullOrEmpty(p)));
}
