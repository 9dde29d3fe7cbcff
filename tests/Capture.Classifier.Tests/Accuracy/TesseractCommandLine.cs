using System.Globalization;

namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// The baseline: the <c>tesseract</c> program run the way a user would run it on a scan, with default settings
/// (no orientation detection, no deskew) and one thread per process, as DESIGN.md measured it.
/// </summary>
internal static class TesseractCommandLine
{
    private static readonly Dictionary<string, string> SingleThread = new() { ["OMP_THREAD_LIMIT"] = "1" };

    /// <summary>
    /// Recognises every page of an image or PDF: <c>tesseract IMAGE - -l LANGUAGES</c>; a PDF's pages are first
    /// rendered with <c>pdftoppm -r 300 -png</c> into <paramref name="workDirectory"/>, as a user without Capture would.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RecognizePagesAsync(
        string path,
        string languages,
        string workDirectory,
        CancellationToken cancellationToken)
    {
        var images = path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            ? await RenderPdfAsync(path, workDirectory, cancellationToken)
            : [path];
        var pages = new List<string>(images.Count);
        foreach (var image in images)
        {
            pages.Add(await ExternalTool.RunAsync(
                "tesseract", "tesseract-ocr", [image, "-", "-l", languages], SingleThread, cancellationToken));
        }

        return pages;
    }

    private static async Task<IReadOnlyList<string>> RenderPdfAsync(string pdf, string workDirectory, CancellationToken cancellationToken)
    {
        var outputBase = Path.Combine(workDirectory, "cli-page");
        await ExternalTool.RunAsync("pdftoppm", "poppler-utils", ["-r", "300", "-png", pdf, outputBase], null, cancellationToken);

        // pdftoppm pads page numbers to the width of the last one (cli-page-1.png, or cli-page-01.png from 10 pages on).
        var pages = Directory.GetFiles(workDirectory, "cli-page-*.png")
            .OrderBy(file => int.Parse(Path.GetFileNameWithoutExtension(file)["cli-page-".Length..], CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(pages);
        return pages;
    }
}
