using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Capture.Classifier.Extraction;

namespace Capture.Classifier.Pdf;

/// <summary>Renders one PDF page to a PNG with poppler's <c>pdftoppm</c>: in grey at a resolution for recognition, or
/// in colour within a bounding box for a preview.</summary>
internal sealed class PopplerPageRenderer(ExtractionOptions options)
{
    /// <summary>Renders <paramref name="pageNumber"/> of <paramref name="pdfPath"/> in 8-bit grey at <paramref name="resolution"/> dpi and returns the PNG's bytes.</summary>
    /// <exception cref="UnreadableDocumentException">pdftoppm failed or took longer than the render timeout.</exception>
    /// <exception cref="InvalidOperationException">pdftoppm is not installed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<byte[]> RenderAsync(string pdfPath, int pageNumber, int resolution, CancellationToken cancellationToken) =>
        RenderAsync(pdfPath, pageNumber, ["-r", resolution.ToString(CultureInfo.InvariantCulture), "-gray"], cancellationToken);

    /// <summary>
    /// Renders <paramref name="pageNumber"/> of <paramref name="pdfPath"/> in colour, scaled so that its longer side is
    /// <paramref name="maxSide"/> pixels whatever the page's size (a poster-sized page costs no more than a letter), and
    /// returns the PNG's bytes.
    /// </summary>
    /// <exception cref="UnreadableDocumentException">pdftoppm failed or took longer than the render timeout.</exception>
    /// <exception cref="InvalidOperationException">pdftoppm is not installed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<byte[]> RenderPreviewAsync(string pdfPath, int pageNumber, int maxSide, CancellationToken cancellationToken) =>
        RenderAsync(pdfPath, pageNumber, ["-scale-to", maxSide.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    private async Task<byte[]> RenderAsync(string pdfPath, int pageNumber, string[] scaling, CancellationToken cancellationToken)
    {
        var outputDirectory = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), "capture-render-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outputDirectory);
        try
        {
            var outputBase = Path.Combine(outputDirectory, "page");
            var page = pageNumber.ToString(CultureInfo.InvariantCulture);
            var startInfo = new ProcessStartInfo(options.PdfToPpmPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[.. scaling, "-png", "-f", page, "-l", page, "-singlefile", pdfPath, outputBase])
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Start(startInfo);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.PdfRenderTimeout);
            var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
            var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await Task.WhenAll(standardError, standardOutput);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new UnreadableDocumentException(
                    $"Rendering page {pageNumber} of the PDF did not finish within {options.PdfRenderTimeout:c} (Extraction:PdfRenderTimeout).");
            }

            var imagePath = outputBase + ".png";
            if (process.ExitCode != 0 || !File.Exists(imagePath))
            {
                var detail = FirstLine(await standardError) ?? $"pdftoppm exit code {process.ExitCode}";
                throw new UnreadableDocumentException($"The PDF is damaged and cannot be read: page {pageNumber} could not be rendered ({detail}).");
            }

            return await File.ReadAllBytesAsync(imagePath, cancellationToken);
        }
        finally
        {
            Directory.Delete(outputDirectory, recursive: true);
        }
    }

    private Process Start(ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException($"{options.PdfToPpmPath} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Scanned PDF pages cannot be rendered: {options.PdfToPpmPath} could not be started ({exception.Message}). " +
                "Install the Debian package poppler-utils or set Extraction:PdfToPpmPath.",
                exception);
        }
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
