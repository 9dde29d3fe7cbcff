using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Capture.Classifier.Extraction;

namespace Capture.Classifier.Ocr;

/// <summary>
/// One Tesseract engine (one native <c>TessBaseAPI</c>, plus its orientation detector), initialised once with its
/// languages and then used for many pages, one page at a time. Engines are not thread-safe; <see cref="OcrEnginePool"/>
/// hands them out.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    private const int PageSegmentationAuto = 3;

    private readonly TessBaseApiHandle api;
    private readonly PageOrientationDetector? orientation;
    private readonly string dataPath;
    private readonly OcrOptions options;

    /// <summary>Creates and initialises an engine.</summary>
    /// <exception cref="InvalidOperationException">Tesseract could not be initialised with the data path and languages.</exception>
    public TesseractEngine(string dataPath, OcrOptions options)
    {
        NativeEnvironment.LimitOpenMpThreads();
        this.dataPath = dataPath;
        this.options = options;
        api = TesseractNative.TessBaseAPICreate();
        if (api.IsInvalid)
        {
            api.Dispose();
            throw new InvalidOperationException("libtesseract could not create an engine (TessBaseAPICreate returned null).");
        }

        if (TesseractNative.TessBaseAPIInit3(api, dataPath, options.Languages) != 0)
        {
            api.Dispose();
            throw new InvalidOperationException(
                $"Tesseract could not load the languages \"{options.Languages}\" from {dataPath}; check Ocr:Languages and Ocr:TessDataPath " +
                "(Debian: install tesseract-ocr-pol and tesseract-ocr-hun).");
        }

        // Tesseract's own diagnostics ("Detected 12 diacritics") would otherwise go to the service's stderr.
        _ = TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");

        // The C API starts in PSM_SINGLE_BLOCK (6), which reads a two-column letter across both columns (CER 0.38
        // on linn.png); the tesseract program, and what letters need, is automatic layout analysis.
        TesseractNative.TessBaseAPISetPageSegMode(api, PageSegmentationAuto);
        try
        {
            orientation = options.DetectOrientation ? new PageOrientationDetector(dataPath) : null;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Turns the page upright and straight, recognises it and, when <paramref name="searchablePdfBase"/> is given,
    /// writes it as a one-page searchable PDF to <c>{searchablePdfBase}.pdf</c>.
    /// </summary>
    /// <exception cref="UnreadableDocumentException">The page did not finish within the page timeout, or failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public OcrPageResult Recognize(PixHandle pix, int pageNumber, string? searchablePdfBase, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        var resolution = LeptonicaNative.pixGetXRes(pix) is var stated and >= 70 and <= 2400 ? stated : options.DefaultResolution;
        using var sized = PageStraightener.FitWithin(pix, options.MaxRecognitionPixels, pageNumber, ref resolution);
        var found = orientation?.Detect(sized, resolution);
        var quarters = found is { } detected && detected.Confidence >= options.MinimumOrientationConfidence ? detected.QuartersToUpright : 0;
        using var upright = PageStraightener.TurnClockwise(sized, quarters, pageNumber);
        var skew = 0.0;
        using var straight = options.Deskew
            ? PageStraightener.Deskew(upright, pageNumber, out skew)
            : LeptonicaNative.pixCloneHandle(upright);
        var preparation = stopwatch.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        var cancelState = GCHandle.Alloc(new CancelState(cancellationToken));
        try
        {
            var remaining = options.PageTimeout - stopwatch.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw TimedOut(pageNumber);
            }

            using var monitor = TesseractNative.TessMonitorCreate();
            unsafe
            {
                TesseractNative.TessMonitorSetCancelFunc(monitor, &ShouldCancel);
            }

            TesseractNative.TessMonitorSetCancelThis(monitor, GCHandle.ToIntPtr(cancelState));
            TesseractNative.TessMonitorSetDeadlineMSecs(monitor, (int)Math.Ceiling(remaining.TotalMilliseconds));

            TesseractNative.TessBaseAPISetImage2(api, straight);
            TesseractNative.TessBaseAPISetSourceResolution(api, resolution);

            // The PDF renderer embeds the API's input image; Tesseract takes ownership of this reference.
            TesseractNative.TessBaseAPISetInputImage(api, ImageForSearchablePdf(pix, straight));

            var status = TesseractNative.TessBaseAPIRecognize(api, monitor);
            cancellationToken.ThrowIfCancellationRequested();
            if (stopwatch.Elapsed >= options.PageTimeout)
            {
                throw TimedOut(pageNumber);
            }

            if (status != 0)
            {
                throw new UnreadableDocumentException($"Tesseract could not recognise page {pageNumber} (the page may be blank or not an image of text).");
            }

            var text = ReadText();
            var confidence = Math.Clamp(TesseractNative.TessBaseAPIMeanTextConf(api), 0, 100) / 100.0;
            var pdfWritten = searchablePdfBase is not null && WriteSearchablePage(searchablePdfBase);
            return new OcrPageResult(pageNumber, text, confidence, stopwatch.Elapsed)
            {
                Rotation = quarters * 90,
                Skew = skew,
                DetectedOrientation = found?.TurnedDegrees,
                OrientationConfidence = found?.Confidence,
                PreparationTime = preparation,
                SearchablePdfWritten = pdfWritten,
            };
        }
        finally
        {
            // Clear drops the page's results, keeping the loaded languages; the input image is released with it.
            TesseractNative.TessBaseAPIClear(api);
            TesseractNative.TessBaseAPISetInputImage(api, IntPtr.Zero);
            cancelState.Free();
        }
    }

    public void Dispose()
    {
        orientation?.Dispose();
        api.Dispose();
    }

    private UnreadableDocumentException TimedOut(int pageNumber) =>
        new($"Recognition of page {pageNumber} did not finish within {options.PageTimeout:c} (Ocr:PageTimeout).");

    /// <summary>The image the searchable copy embeds: the prepared page, or a 1-bit copy of it for a black-and-white source.</summary>
    private static IntPtr ImageForSearchablePdf(PixHandle source, PixHandle prepared)
    {
        const int Threshold = 128;
        if (source.BlackAndWhiteSource && LeptonicaNative.pixGetDepth(prepared) > 1
            && LeptonicaNative.pixConvertTo1(prepared, Threshold) is var blackAndWhite && blackAndWhite != IntPtr.Zero)
        {
            return blackAndWhite;
        }

        return LeptonicaNative.pixClone(prepared);
    }

    private bool WriteSearchablePage(string outputBase)
    {
        // Tesseract's own PDF renderer: the page image with the recognised words as invisible text on top.
        using var renderer = TesseractNative.TessPDFRendererCreate(outputBase, dataPath, 0);
        return !renderer.IsInvalid
            && TesseractNative.TessResultRendererBeginDocument(renderer, string.Empty) != 0
            && TesseractNative.TessResultRendererAddImage(renderer, api) != 0
            && TesseractNative.TessResultRendererEndDocument(renderer) != 0;
    }

    private string ReadText()
    {
        var textPointer = TesseractNative.TessBaseAPIGetUTF8Text(api);
        if (textPointer == IntPtr.Zero)
        {
            return string.Empty;
        }

        try
        {
            return Marshal.PtrToStringUTF8(textPointer) ?? string.Empty;
        }
        finally
        {
            TesseractNative.TessDeleteText(textPointer);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte ShouldCancel(IntPtr cancelThis, int words)
    {
        // Called by Tesseract between words; an exception must never unwind into native code.
        try
        {
            return GCHandle.FromIntPtr(cancelThis).Target is CancelState { Token.IsCancellationRequested: true } ? (byte)1 : (byte)0;
        }
        catch (InvalidOperationException)
        {
            return 1;
        }
    }

    private sealed record CancelState(CancellationToken Token);
}
