using Capture.Classifier.Classification;
using Capture.Classifier.Language;
using Capture.Classifier.Metadata;

namespace Capture.Classifier.Understanding;

/// <summary>What Capture understood of one item.</summary>
/// <param name="Language">The item's language.</param>
/// <param name="Category">The item's category with confidence; <see cref="DocumentCategory.Unclassified"/> when the model abstained.</param>
/// <param name="Metadata">Contact details, references and dates of the whole item (body and attachments together).</param>
/// <param name="OwnMetadata">What was found in the item's own text (an e-mail's body, a scan's pages).</param>
/// <param name="AttachmentMetadata">What was found in each attachment, in the order of <c>ExtractedDocument.Attachments</c>.</param>
public sealed record ItemAnalysis(
    LanguageGuess Language,
    CategoryPrediction Category,
    ExtractedMetadata Metadata,
    ExtractedMetadata OwnMetadata,
    IReadOnlyList<ExtractedMetadata> AttachmentMetadata);
