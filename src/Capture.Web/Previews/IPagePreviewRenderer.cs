namespace Capture.Web.Previews;

/// <summary>
/// Draws one page of an archived scan or PDF as a PNG. Declared here and implemented by the service, which owns the
/// image decoders and <c>pdftoppm</c> (the web depends only on the store and the index).
/// </summary>
public interface IPagePreviewRenderer
{
    /// <summary>Draws page <paramref name="pageNumber"/> (from 1) of the file at <paramref name="path"/>, its longer side at most <paramref name="maxSide"/> pixels.</summary>
    /// <param name="path">The file on disk.</param>
    /// <param name="fileName">The name the file arrived with, which helps tell its kind.</param>
    /// <param name="pageNumber">The page, from 1.</param>
    /// <param name="maxSide">The most pixels of the longer side.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The PNG's bytes.</returns>
    /// <exception cref="PagePreviewUnavailableException">The page cannot be drawn (over a limit, damaged, not a page); the message says why.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Task<byte[]> RenderPngAsync(string path, string fileName, int pageNumber, int maxSide, CancellationToken cancellationToken);
}
