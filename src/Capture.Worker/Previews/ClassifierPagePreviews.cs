using Capture.Classifier.Extraction;
using Capture.Classifier.Previews;
using Capture.Web.Previews;

namespace Capture.Worker.Previews;

/// <summary>The web's page previews, drawn by the classifier's <see cref="PagePreviewRenderer"/> (leptonica for scans, pdftoppm for PDFs).</summary>
internal sealed class ClassifierPagePreviews(PagePreviewRenderer renderer) : IPagePreviewRenderer
{
    public async Task<byte[]> RenderPngAsync(string path, string fileName, int pageNumber, int maxSide, CancellationToken cancellationToken)
    {
        try
        {
            return await renderer.RenderPngAsync(path, fileName, pageNumber, maxSide, cancellationToken);
        }
        catch (UnreadableDocumentException exception)
        {
            throw new PagePreviewUnavailableException(exception.Message, exception);
        }
        catch (FileNotFoundException exception)
        {
            throw new PagePreviewUnavailableException("The original is missing from the archive.", exception);
        }
    }
}
