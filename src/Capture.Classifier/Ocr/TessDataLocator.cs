namespace Capture.Classifier.Ocr;

/// <summary>Finds the folder with Tesseract's <c>*.traineddata</c> for the configured languages.</summary>
internal static class TessDataLocator
{
    private static readonly string[] KnownLocations =
    [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
        "/usr/local/share/tesseract-ocr/5/tessdata",
    ];

    /// <summary>Returns the data folder to pass to Tesseract.</summary>
    /// <exception cref="InvalidOperationException">No folder holds every language.</exception>
    public static string Resolve(string? configuredPath, string languages)
    {
        var codes = languages.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (configuredPath is not null)
        {
            var missing = MissingLanguages(configuredPath, codes);
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Ocr:TessDataPath is {configuredPath}, which has no traineddata for {string.Join(", ", missing)}; " +
                    "point it at the tessdata folder or install the Debian tesseract-ocr-<lang> packages.");
            }

            return configuredPath;
        }

        foreach (var candidate in KnownLocations)
        {
            if (Directory.Exists(candidate) && MissingLanguages(candidate, codes).Count == 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No tessdata folder with the languages \"{languages}\" was found in {string.Join(", ", KnownLocations)}; " +
            "install tesseract-ocr-pol and tesseract-ocr-hun or set Ocr:TessDataPath.");
    }

    /// <summary>Checks that the data folder has what orientation detection and the PDF renderer need, when they are on.</summary>
    /// <exception cref="InvalidOperationException">osd.traineddata or pdf.ttf is missing.</exception>
    public static void EnsureFeatureData(string dataPath, OcrOptions options)
    {
        if (options.DetectOrientation && !File.Exists(Path.Combine(dataPath, "osd.traineddata")))
        {
            throw new InvalidOperationException(
                $"Ocr:DetectOrientation is on but {dataPath} has no osd.traineddata; install the Debian package tesseract-ocr-osd " +
                "or set Ocr:DetectOrientation to false.");
        }

        if (options.CreateSearchablePdf && !File.Exists(Path.Combine(dataPath, "pdf.ttf")))
        {
            throw new InvalidOperationException(
                $"Ocr:CreateSearchablePdf is on but {dataPath} has no pdf.ttf (Tesseract's PDF font, Debian package libtesseract5); " +
                "reinstall libtesseract5 or set Ocr:CreateSearchablePdf to false.");
        }
    }

    private static List<string> MissingLanguages(string directory, string[] codes) =>
        [.. codes.Where(code => !File.Exists(Path.Combine(directory, code + ".traineddata")))];
}
