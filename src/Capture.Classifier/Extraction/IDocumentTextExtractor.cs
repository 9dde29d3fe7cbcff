namespace Capture.Classifier.Extraction;

/// <summary>Extracts text from a captured file of any supported kind.</summary>
public interface IDocumentTextExtractor
{
    /// <summary>Reads <paramref name="path"/> and returns its text, recognising images where needed.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="originalFileName">The name the item arrived with; decides the kind together with the content.</param>
    /// <param name="cancellationToken">Cancels the extraction, including running OCR.</param>
    /// <exception cref="UnreadableDocumentException">The file is corrupt, empty, encrypted, too large or of an unsupported kind.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Task<ExtractedDocument> ExtractAsync(string path, string originalFileName, CancellationToken cancellationToken);
}
