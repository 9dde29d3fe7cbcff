using System.Text;
using Capture.Classifier.Classification;
using Capture.Classifier.Extraction;
using Capture.Classifier.Language;
using Capture.Classifier.Metadata;

namespace Capture.Classifier.Understanding;

/// <summary>
/// Understands an extracted item as a whole: its language and category come from all its text (a letter is often
/// the attachment of an empty e-mail), its metadata from each part, merged with the e-mail envelope first.
/// </summary>
public sealed class ItemAnalyzer
{
    /// <summary>Only the start of very long items decides language and category: that is where people say why they write.</summary>
    private const int MaxCharactersForUnderstanding = 20_000;

    private readonly LanguageDetector _languageDetector;
    private readonly CategoryClassifier _classifier;
    private readonly MetadataExtractor _metadataExtractor;

    public ItemAnalyzer(LanguageDetector languageDetector, CategoryClassifier classifier, MetadataExtractor metadataExtractor)
    {
        _languageDetector = languageDetector;
        _classifier = classifier;
        _metadataExtractor = metadataExtractor;
    }

    /// <summary>Analyses <paramref name="document"/> and its attachments.</summary>
    public ItemAnalysis Analyze(ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var allText = AllText(document);
        var language = _languageDetector.Detect(allText);
        var category = _classifier.Classify(allText);

        var mail = document.Mail;
        var own = _metadataExtractor.Extract(document.Text, mail, language.Language);
        var attachments = document.Attachments
            .Select(a => _metadataExtractor.Extract(a.Extracted?.Text ?? "", null, null, language.Language))
            .ToList();
        return new ItemAnalysis(language, category, Merge(own, attachments), own, attachments);
    }

    private static string AllText(ExtractedDocument document)
    {
        var text = new StringBuilder(document.Text, Math.Min(MaxCharactersForUnderstanding, document.Text.Length + 1024));
        foreach (var attachment in document.Attachments)
        {
            if (text.Length >= MaxCharactersForUnderstanding)
            {
                break;
            }

            if (attachment.Extracted is { Text.Length: > 0 } extracted)
            {
                text.Append("\n\n").Append(extracted.Text);
            }
        }

        return text.Length > MaxCharactersForUnderstanding ? text.ToString(0, MaxCharactersForUnderstanding) : text.ToString();
    }

    private static ExtractedMetadata Merge(ExtractedMetadata own, List<ExtractedMetadata> attachments)
    {
        if (attachments.Count == 0)
        {
            return own;
        }

        var contact = own.Contact;
        foreach (var part in attachments)
        {
            contact = new ContactDetails(
                contact.Name ?? part.Contact.Name,
                contact.Email ?? part.Contact.Email,
                contact.Phone ?? part.Contact.Phone);
        }

        var all = attachments.Prepend(own).ToList();
        var references = new ReferenceNumbers(
            Union(all, m => m.References.Orders),
            Union(all, m => m.References.Invoices),
            Union(all, m => m.References.Serials),
            Union(all, m => m.References.Policies));
        var dates = all.SelectMany(m => m.Dates).Distinct().ToList();
        var letterDate = all.Select(m => m.LetterDate).FirstOrDefault(d => d is not null);
        return new ExtractedMetadata(contact, references, dates)
        {
            Fields = [.. all.SelectMany(m => m.Fields)],
            Address = all.Select(m => m.Address).FirstOrDefault(a => a is not null),
            LetterDate = letterDate,
            MentionedDates = [.. all.SelectMany(m => m.MentionedDates).Distinct().Where(d => d != letterDate)],
            Amounts = [.. all.SelectMany(m => m.Amounts).Distinct()],
        };
    }

    private static List<string> Union(List<ExtractedMetadata> parts, Func<ExtractedMetadata, IReadOnlyList<string>> select) =>
        parts.SelectMany(select).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
