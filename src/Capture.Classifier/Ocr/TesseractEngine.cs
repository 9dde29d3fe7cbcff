using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Capture.Classifier.Extraction;

namespace Capture.Classifier.Ocr;

/// <summary>
/// One Tesseract engine (one native <c>TessBaseAPI</c>), initialised once with its languages and then used for many
/// pages, one page at a time. Engines are not thread-safe; <see cref="OcrEnginePool"/> hands them out.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    private readonly TessBaseApiHandle api;
    private readonly TimeSpan pageTimeout;
    private readonly int defaultResolution;

    /// <summary>Creates and initialises an engine.</summary>
    /// <exception cref="InvalidOperationException">Tesseract could not be initialised with the data path and languages.</exception>
    public TesseractEngine(string dataPath, string languages, TimeSpan pageTimeout, int defaultResolution)
    {
        NativeEnvironment.LimitOpenMpThreads();
        this.pageTimeout = pageTimeout;
        this.defaultResolution = defaultResolution;
        api = TesseractNative.TessBaseAPICreate();
        if (api.IsInvalid)
        {
            api.Dispose();
            throw new InvalidOperationException("libtesseract could not create an engine (TessBaseAPICreate returned null).");
        }

        if (TesseractNative.TessBaseAPIInit3(api, dataPath, languages) != 0)
        {
            api.Dispose();
            throw new InvalidOperationException(
                $"Tesseract could not load the languages \"{languages}\" from {dataPath}; check Ocr:Languages and Ocr:TessDataPath " +
                "(Debian: install tesseract-ocr-pol and tesseract-ocr-hun).");
        }

        // Tesseract's own diagnostics ("Detected 12 diacritics") would otherwise go to the service's stderr.
        _ = TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    }

    /// <summary>Recognises one page image.</summary>
    /// <exception cref="UnreadableDocumentException">The page did not finish within the page timeout, or failed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public OcrPageResult Recognize(PixHandle pix, int pageNumber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        var cancelState = GCHandle.Alloc(new CancelState(cancellationToken));
        try
        {
            using var monitor = TesseractNative.TessMonitorCreate();
            unsafe
            {
                TesseractNative.TessMonitorSetCancelFunc(monitor, &ShouldCancel);
            }

            TesseractNative.TessMonitorSetCancelThis(monitor, GCHandle.ToIntPtr(cancelState));
            TesseractNative.TessMonitorSetDeadlineMSecs(monitor, (int)Math.Ceiling(pageTimeout.TotalMilliseconds));

            TesseractNative.TessBaseAPISetImage2(api, pix);
            var resolution = LeptonicaNative.pixGetXRes(pix);
            TesseractNative.TessBaseAPISetSourceResolution(api, resolution is >= 70 and <= 2400 ? resolution : defaultResolution);

            var status = TesseractNative.TessBaseAPIRecognize(api, monitor);
            cancellationToken.ThrowIfCancellationRequested();
            if (stopwatch.Elapsed >= pageTimeout)
            {
                throw new UnreadableDocumentException(
                    $"Recognition of page {pageNumber} did not finish within {pageTimeout:c} (Ocr:PageTimeout).");
            }

            if (status != 0)
            {
                throw new UnreadableDocumentException($"Tesseract could not recognise page {pageNumber} (the page may be blank or not an image of text).");
            }

            var text = ReadText();
            var confidence = Math.Clamp(TesseractNative.TessBaseAPIMeanTextConf(api), 0, 100) / 100.0;
            return new OcrPageResult(pageNumber, text, confidence, stopwatch.Elapsed);
        }
        finally
        {
            // Clear drops the page's results and the image reference, keeping the loaded languages.
            TesseractNative.TessBaseAPIClear(api);
            cancelState.Free();
        }
    }

    public void Dispose() => api.Dispose();

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
