using System.Diagnostics;
using System.Globalization;

namespace Capture.Benchmarks.Ocr;

/// <summary>One page image of the benchmark, with the word every variant must read on it and its ground truth.</summary>
internal sealed record BenchPage(int Number, string Path, string Source, string Marker, string? GroundTruth)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// Builds the benchmark's page set once in a temporary folder: the two corpus scans (when the shared corpus is
/// present) followed by letter pages rendered with <c>text2image</c> from <see cref="LetterTexts"/>.
/// </summary>
internal sealed class PageSet : IDisposable
{
    private static readonly (string RelativePath, string Marker, string GroundTruth)[] CorpusScans =
    [
        ("scans/tesseract/phototest.tif", "quick", "scans/tesseract/phototest.gt.txt"),
        ("scans/ocrmypdf/linn.png", "LinnSequencer", "scans/ocrmypdf/linn.gt.txt"),
    ];

    private PageSet(string directory, IReadOnlyList<BenchPage> pages, string? corpus, TimeSpan renderTime)
    {
        Directory = directory;
        Pages = pages;
        Corpus = corpus;
        RenderTime = renderTime;
    }

    public string Directory { get; }

    public IReadOnlyList<BenchPage> Pages { get; }

    /// <summary>The corpus folder the scans came from, or null when it was not found.</summary>
    public string? Corpus { get; }

    public TimeSpan RenderTime { get; }

    public bool Keep { get; set; }

    /// <exception cref="InvalidOperationException">text2image is missing or failed.</exception>
    public static async Task<PageSet> BuildAsync(int letterPages, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "capture-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var stopwatch = Stopwatch.StartNew();
        var pages = new List<BenchPage>();
        var corpus = CorpusLocator.Find();
        if (corpus is not null)
        {
            foreach (var (relativePath, marker, groundTruth) in CorpusScans)
            {
                var source = Path.Combine(corpus, relativePath);
                if (!File.Exists(source))
                {
                    continue;
                }

                // Copied so that every variant reads the same local file.
                var number = pages.Count + 1;
                var target = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"page-{number:000}-{Path.GetFileName(source)}"));
                File.Copy(source, target);
                var truthPath = Path.Combine(corpus, groundTruth);
                var truth = File.Exists(truthPath) ? await File.ReadAllTextAsync(truthPath, cancellationToken) : null;
                pages.Add(new BenchPage(number, target, "corpus " + relativePath, marker, truth));
            }
        }

        var first = pages.Count + 1;
        var rendered = new BenchPage[letterPages];
        var workers = Math.Max(1, Environment.ProcessorCount);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, letterPages),
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var number = first + index;
                var letter = LetterTexts.All[index % LetterTexts.All.Count];
                var text = LetterTexts.PageText(index + 1);
                var name = string.Create(CultureInfo.InvariantCulture, $"page-{number:000}-letter-{letter.Language}");
                // One fontconfig folder per text2image process: each writes its fonts.conf there.
                var fontconfig = Path.Combine(directory, "fontconfig-" + (index % workers).ToString(CultureInfo.InvariantCulture));
                var path = await RenderAsync(text, directory, name, fontconfig, token);
                rendered[index] = new BenchPage(number, path, "text2image letter (" + letter.Language + ")", LetterTexts.Marker(index + 1), text);
            });
        pages.AddRange(rendered);
        return new PageSet(directory, pages, corpus, stopwatch.Elapsed);
    }

    public void Dispose()
    {
        if (Keep)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static async Task<string> RenderAsync(string text, string directory, string name, string fontconfig, CancellationToken cancellationToken)
    {
        var textFile = Path.Combine(directory, name + ".txt");
        await File.WriteAllTextAsync(textFile, text, cancellationToken);
        System.IO.Directory.CreateDirectory(fontconfig);
        var outputBase = Path.Combine(directory, name);
        var startInfo = new ProcessStartInfo("text2image")
        {
            ArgumentList =
            {
                "--text", textFile, "--outputbase", outputBase,
                "--font", "Liberation Serif", "--fonts_dir", "/usr/share/fonts", "--fontconfig_tmpdir", fontconfig,
                "--ptsize", "12", "--resolution", "300", "--degrade_image=false", "--rotate_image=false",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = directory,
        };
        Process? process;
        try
        {
            process = Process.Start(startInfo);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("text2image was not found; install the Debian package tesseract-ocr.", exception);
        }

        using (process)
        {
            if (process is null)
            {
                throw new InvalidOperationException("text2image could not be started.");
            }

            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var path = outputBase + ".tif";
            if (process.ExitCode != 0 || !File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"text2image failed for {name} (exit code {process.ExitCode}; is the font \"Liberation Serif\" installed, Debian package fonts-liberation2?): " +
                    (await errors).Trim() + " " + (await output).Trim());
            }

            return path;
        }
    }
}

/// <summary>
/// Finds the shared third-party corpus like the tests do (tests/Shared/TestCorpus.cs): <c>$CAPTURE_CORPUS</c>, or
/// <c>../shared/corpus</c> beside the repository root (the folder holding Capture.sln).
/// </summary>
internal static class CorpusLocator
{
    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CAPTURE_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        var root = RepositoryRoot();
        var candidate = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
        return candidate is not null && System.IO.Directory.Exists(candidate) ? candidate : null;
    }

    /// <summary>The repository root: the nearest folder holding Capture.sln above this program or the current directory.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Capture.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
