namespace Capture.Classifier.Ocr;

/// <summary>
/// Tells how a page image is turned, with Tesseract's orientation and script detection (<c>osd.traineddata</c>).
/// </summary>
/// <remarks>
/// <c>TessBaseAPIDetectOrientationScript</c> classifies with the engine's first language, so it only works on an
/// engine initialised with <c>osd</c> first. Putting <c>osd</c> first in the recognition engine's languages
/// (<c>osd+pol+hun+eng</c>) let OSD's Arabic and Hangul shapes into recognised Latin text and made recognition 10–25%
/// slower, and <c>pol+hun+eng+osd</c> leaves OSD unused (every page comes back as 270°). So each recognition engine
/// owns this second, OSD-only <c>TessBaseAPI</c>, initialised once with it (about 0.3–0.6 s) and used for the
/// same pages.
/// </remarks>
internal sealed class PageOrientationDetector : IDisposable
{
    private readonly TessBaseApiHandle api;

    /// <exception cref="InvalidOperationException">osd.traineddata could not be loaded from <paramref name="dataPath"/>.</exception>
    public PageOrientationDetector(string dataPath)
    {
        api = TesseractNative.TessBaseAPICreate();
        if (api.IsInvalid)
        {
            api.Dispose();
            throw new InvalidOperationException("libtesseract could not create an orientation detector (TessBaseAPICreate returned null).");
        }

        if (TesseractNative.TessBaseAPIInit3(api, dataPath, "osd") != 0)
        {
            api.Dispose();
            throw new InvalidOperationException(
                $"Tesseract could not load osd.traineddata from {dataPath}; install the Debian package tesseract-ocr-osd " +
                "or set Ocr:DetectOrientation to false.");
        }

        _ = TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    }

    /// <summary>
    /// Returns how many degrees clockwise the page is turned from upright (0, 90, 180 or 270) and Tesseract's confidence,
    /// or null when the page has too little text to tell.
    /// </summary>
    public PageOrientation? Detect(PixHandle pix, int resolution)
    {
        try
        {
            TesseractNative.TessBaseAPISetImage2(api, pix);
            TesseractNative.TessBaseAPISetSourceResolution(api, resolution);
            if (TesseractNative.TessBaseAPIDetectOrientationScript(api, out var degrees, out var confidence, out _, out _) == 0
                || degrees is not (0 or 90 or 180 or 270))
            {
                return null;
            }

            return new PageOrientation(degrees, confidence);
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(api);

            // SetImage also made the page the engine's input image; drop it so the page is not kept alive until the next.
            TesseractNative.TessBaseAPISetInputImage(api, IntPtr.Zero);
        }
    }

    public void Dispose() => api.Dispose();
}

/// <summary>What orientation detection found.</summary>
/// <param name="TurnedDegrees">How far the page is turned clockwise from upright: 0, 90, 180 or 270.</param>
/// <param name="Confidence">Tesseract's orientation confidence (unbounded; about 1–5 for a few lines, 10–35 for a full page).</param>
internal readonly record struct PageOrientation(int TurnedDegrees, double Confidence)
{
    /// <summary>Quarter turns clockwise that bring the page upright.</summary>
    public int QuartersToUpright => (4 - (TurnedDegrees / 90)) % 4;
}
