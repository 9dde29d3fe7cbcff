using System.Globalization;
using Archive.Store;
using Archive.Store.Documents;
using Microsoft.Extensions.Logging;

namespace Capture.Web.Previews;

/// <summary>
/// Page previews drawn on first request and kept on disk under <c>&lt;archive&gt;/cache/previews/&lt;document id&gt;/</c>,
/// so a page is drawn once however often it is looked at. Everything there derives from the immutable originals and
/// may be deleted at any time; it is drawn again when next asked for.
/// </summary>
/// <remarks>
/// At most one page per core is drawn at once, however many previews a case page asks for together, so a long scan
/// opened by several people neither floods the machine with <c>pdftoppm</c> processes nor holds many decoded pages in
/// memory. A preview is written to a temporary file and renamed into place, so a reader never sees half a PNG and two
/// requests for the same page at once leave one whole file.
/// </remarks>
public sealed partial class PagePreviewCache : IDisposable
{
    /// <summary>The most pixels of a preview's longer side.</summary>
    public const int MaxSide = 1200;

    /// <summary>Where the previews are kept, relative to the archive root.</summary>
    public const string Folder = "cache/previews";

    private readonly ArchiveStore store;
    private readonly IPagePreviewRenderer renderer;
    private readonly ILogger<PagePreviewCache> logger;
    private readonly SemaphoreSlim drawing = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public PagePreviewCache(ArchiveStore store, IPagePreviewRenderer renderer, ILogger<PagePreviewCache> logger)
    {
        this.store = store;
        this.renderer = renderer;
        this.logger = logger;
    }

    /// <summary>The path of page <paramref name="pageNumber"/>'s preview of <paramref name="document"/>, drawn now if it is not kept yet.</summary>
    /// <exception cref="PagePreviewUnavailableException">The page cannot be drawn; the message says why.</exception>
    /// <exception cref="IOException">The preview could not be written.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<string> GetAsync(DocumentRecord document, int pageNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var path = store.ResolvePath(string.Create(CultureInfo.InvariantCulture, $"{Folder}/{document.Id}/page-{pageNumber:D4}-{MaxSide}.png"));
        if (File.Exists(path))
        {
            return path;
        }

        await drawing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            var png = await renderer.RenderPngAsync(store.ResolvePath(document.ArchivePath), document.OriginalFileName, pageNumber, MaxSide, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                await File.WriteAllBytesAsync(temporary, png, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            LogDrawn(logger, document.RegistrationNumber, document.Id, pageNumber, png.Length);
            return path;
        }
        finally
        {
            drawing.Release();
        }
    }

    public void Dispose() => drawing.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Drew the preview of page {PageNumber} of document {DocumentId} of {RegistrationNumber} ({Bytes} bytes)")]
    private static partial void LogDrawn(ILogger logger, string registrationNumber, string documentId, int pageNumber, int bytes);
}
