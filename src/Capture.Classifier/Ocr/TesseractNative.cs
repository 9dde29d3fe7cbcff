using System.Runtime.InteropServices;

namespace Capture.Classifier.Ocr;

/// <summary>Tesseract's C API (<c>tesseract/capi.h</c>) in Debian's libtesseract.so.5.</summary>
internal static unsafe partial class TesseractNative
{
    private const string Library = "libtesseract.so.5";

    [LibraryImport(Library)]
    public static partial TessBaseApiHandle TessBaseAPICreate();

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(TessBaseApiHandle handle, string? dataPath, string language);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(TessBaseApiHandle handle, string name, string value);

    /// <summary>Sets how the page is divided into blocks and lines (<c>PSM_AUTO</c> = 3: full automatic layout analysis).</summary>
    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(TessBaseApiHandle handle, int mode);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage2(TessBaseApiHandle handle, PixHandle pix);

    /// <summary>Sets the image the result renderers embed; Tesseract takes ownership of <paramref name="pix"/> (pass a clone).</summary>
    [LibraryImport(Library)]
    public static partial void TessBaseAPISetInputImage(TessBaseApiHandle handle, IntPtr pix);

    /// <summary>
    /// Orientation and script detection; needs an engine initialised with <c>osd</c> as its (first) language.
    /// <paramref name="orientationDegrees"/> is how far the page is turned clockwise from upright (0, 90, 180, 270).
    /// Returns 0 when there was too little text to decide.
    /// </summary>
    [LibraryImport(Library)]
    public static partial int TessBaseAPIDetectOrientationScript(
        TessBaseApiHandle handle,
        out int orientationDegrees,
        out float orientationConfidence,
        out IntPtr scriptName,
        out float scriptConfidence);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(TessBaseApiHandle handle, int ppi);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(TessBaseApiHandle handle, TessMonitorHandle monitor);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetUTF8Text(TessBaseApiHandle handle);

    [LibraryImport(Library)]
    public static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIMeanTextConf(TessBaseApiHandle handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(TessBaseApiHandle handle);

    /// <summary>Creates Tesseract's PDF renderer, which writes <c>{outputBase}.pdf</c>; <paramref name="textOnly"/> 0 embeds the page image.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial TessResultRendererHandle TessPDFRendererCreate(string outputBase, string dataDirectory, int textOnly);

    [LibraryImport(Library)]
    public static partial void TessDeleteResultRenderer(IntPtr renderer);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessResultRendererBeginDocument(TessResultRendererHandle renderer, string title);

    /// <summary>Adds the page last recognised by <paramref name="handle"/>, with the image set by <see cref="TessBaseAPISetInputImage"/>.</summary>
    [LibraryImport(Library)]
    public static partial int TessResultRendererAddImage(TessResultRendererHandle renderer, TessBaseApiHandle handle);

    [LibraryImport(Library)]
    public static partial int TessResultRendererEndDocument(TessResultRendererHandle renderer);

    [LibraryImport(Library)]
    public static partial TessMonitorHandle TessMonitorCreate();

    [LibraryImport(Library)]
    public static partial void TessMonitorDelete(IntPtr monitor);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetDeadlineMSecs(TessMonitorHandle monitor, int deadline);

    /// <summary><c>typedef bool (*TessCancelFunc)(void* cancel_this, int words)</c>.</summary>
    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelFunc(TessMonitorHandle monitor, delegate* unmanaged[Cdecl]<IntPtr, int, byte> cancelFunction);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelThis(TessMonitorHandle monitor, IntPtr cancelThis);
}

/// <summary>Owns a <c>TessBaseAPI*</c>; releasing it ends and deletes the engine.</summary>
internal sealed class TessBaseApiHandle : SafeHandle
{
    public TessBaseApiHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
        return true;
    }
}

/// <summary>Owns an <c>ETEXT_DESC*</c> progress/cancel monitor.</summary>
internal sealed class TessMonitorHandle : SafeHandle
{
    public TessMonitorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessMonitorDelete(handle);
        return true;
    }
}

/// <summary>Owns a <c>TessResultRenderer*</c>.</summary>
internal sealed class TessResultRendererHandle : SafeHandle
{
    public TessResultRendererHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessDeleteResultRenderer(handle);
        return true;
    }
}
