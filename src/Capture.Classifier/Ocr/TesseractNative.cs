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

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage2(TessBaseApiHandle handle, PixHandle pix);

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
