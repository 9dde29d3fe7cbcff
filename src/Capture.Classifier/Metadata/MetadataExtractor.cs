namespace Capture.Classifier.Metadata;

/// <summary>
/// Extracts the customer's contact details, business reference numbers and dates from the text of
/// an item in Polish, Hungarian or English, tolerating OCR noise. Stateless and thread-safe.
/// </summary>
public sealed class MetadataExtractor
{
    /// <summary>Extracts metadata from <paramref name="text"/>.</summary>
    /// <param name="text">The item's text (mail body, form message or OCR output).</param>
    /// <param name="fromName">The e-mail From display name, if the item is a mail; preferred for the contact name.</param>
    /// <param name="fromAddress">The e-mail From address, if the item is a mail; preferred for the contact e-mail.</param>
    /// <param name="language">ISO 639-1 code of the text (<c>pl</c>, <c>hu</c>, <c>en</c>); decides how ambiguous numeric dates are read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="language"/> is null.</exception>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A pattern ran out of time on pathological input.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An injectable service; callers depend on the instance.")]
    public ExtractedMetadata Extract(string text, string? fromName, string? fromAddress, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);

        var normalisedText = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var contact = new ContactDetails(
            ContactFinder.FindName(normalisedText, fromName),
            ContactFinder.FindEmail(normalisedText, fromAddress),
            ContactFinder.FindPhone(normalisedText));
        return new ExtractedMetadata(contact, ReferenceFinder.Find(normalisedText), DateFinder.Find(normalisedText, language));
    }
}
