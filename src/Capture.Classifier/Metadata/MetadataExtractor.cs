using System.Globalization;
using Capture.Classifier.Extraction;

namespace Capture.Classifier.Metadata;

/// <summary>
/// Extracts the customer's contact details (name, e-mail, phone, postal address), business reference numbers,
/// the letter's date and the dates it mentions, and claimed amounts from the text of an item in Polish, Hungarian or
/// English, tolerating OCR noise. Every value comes with a confidence and where it was found
/// (<see cref="ExtractedMetadata.Fields"/>). Thread-safe; build one and reuse it.
/// </summary>
public sealed class MetadataExtractor
{
    private readonly ReferenceFinder references;
    private readonly string[] companyDomains;

    /// <summary>An extractor that knows only the built-in reference formats and no company domains.</summary>
    public MetadataExtractor()
        : this(new MetadataOptions())
    {
    }

    /// <summary>An extractor that also knows the company's own reference formats and mail domains.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is wrong; the message names each key and its fix.</exception>
    public MetadataExtractor(MetadataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        references = new ReferenceFinder(options);
        companyDomains = [.. options.CompanyDomains.Select(d => d.Trim().TrimStart('@'))];
    }

    /// <summary>Extracts metadata from <paramref name="text"/>.</summary>
    /// <param name="text">The item's text (mail subject and body, form message or OCR output).</param>
    /// <param name="fromName">The e-mail From display name, if the item is a mail; preferred for the contact name.</param>
    /// <param name="fromAddress">The e-mail From address, if the item is a mail; preferred for the contact e-mail.</param>
    /// <param name="language">ISO 639-1 code of the text (<c>pl</c>, <c>hu</c>, <c>en</c>); decides how ambiguous numeric dates are read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="language"/> is null.</exception>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A pattern ran out of time on pathological input.</exception>
    public ExtractedMetadata Extract(string text, string? fromName, string? fromAddress, string language) =>
        Extract(text, new Envelope(fromName, fromAddress, null, null, IsMail: fromName is not null || fromAddress is not null), language);

    /// <summary>Extracts metadata from an e-mail's <paramref name="text"/> with its envelope, or from any other item's text when <paramref name="mail"/> is null.</summary>
    /// <param name="text">The item's text (for a mail, its subject and body as <see cref="ExtractedDocument.Text"/> holds them).</param>
    /// <param name="mail">The e-mail's envelope: From, Reply-To and Date are used; null for scans, PDFs and text files.</param>
    /// <param name="language">ISO 639-1 code of the text (<c>pl</c>, <c>hu</c>, <c>en</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="language"/> is null.</exception>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A pattern ran out of time on pathological input.</exception>
    public ExtractedMetadata Extract(string text, MailEnvelope? mail, string language) =>
        Extract(
            text,
            mail is null
                ? new Envelope(null, null, null, null, IsMail: false)
                : new Envelope(mail.FromName, mail.FromAddress, mail.ReplyToAddress, mail.Date is { } sent ? DateOnly.FromDateTime(sent.DateTime) : null, IsMail: true),
            language);

    private ExtractedMetadata Extract(string text, Envelope envelope, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);

        var normalisedText = text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
        var layout = LetterLayout.Of(normalisedText, envelope.IsMail);
        var dates = DateFinder.Find(normalisedText, language);
        var sender = SenderCandidates.Read(envelope.FromName, envelope.FromAddress, envelope.ReplyTo, layout, companyDomains);

        var (amounts, amountSpans) = AmountFinder.Find(layout);
        var dateSpans = dates.Select(d => d.Span).ToList();
        var name = NameFinder.Find(layout, sender);
        var email = EmailFinder.Find(layout, sender, companyDomains);
        var phone = PhoneFinder.Find(layout, dateSpans);
        var address = AddressFinder.Find(layout, dateSpans);
        var (letterDate, occurrence) = LetterDateFinder.Find(layout, dates, envelope.Sent);
        var (numbers, referenceFields) = references.Find(layout, [.. dateSpans, .. amountSpans]);

        var mentioned = new List<DateOnly>();
        var fields = new List<MetadataField>();
        fields.AddRange(new[] { name, email, phone, address?.Field }.OfType<MetadataField>());
        if (address is { } found)
        {
            fields.Add(found.Field with { Kind = MetadataFieldKind.Postcode, Value = found.Address.Postcode });
        }

        if (letterDate is not null)
        {
            fields.Add(letterDate);
        }

        for (var i = 0; i < dates.Count; i++)
        {
            if (i != occurrence && !mentioned.Contains(dates[i].Date))
            {
                mentioned.Add(dates[i].Date);
                fields.Add(new MetadataField(
                    MetadataFieldKind.MentionedDate, dates[i].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 0.9, layout.LocationOf(dates[i].Index)));
            }
        }

        fields.AddRange(referenceFields);
        fields.AddRange(amounts.Select(a => a.Field));
        return new ExtractedMetadata(
            new ContactDetails(name?.Value, email?.Value, phone?.Value),
            numbers,
            [.. dates.Select(d => d.Date).Distinct()])
        {
            Fields = fields,
            Address = address?.Address,
            LetterDate = letterDate is null ? null : DateOnly.ParseExact(letterDate.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            MentionedDates = mentioned,
            Amounts = [.. amounts.Select(a => a.Amount)],
            WrittenByCompany = envelope.IsMail && sender.Forwarded is null && sender.From?.Address is { } from && SenderCandidates.IsCompanyStaff(from, companyDomains),
        };
    }

    private sealed record Envelope(string? FromName, string? FromAddress, string? ReplyTo, DateOnly? Sent, bool IsMail);
}
