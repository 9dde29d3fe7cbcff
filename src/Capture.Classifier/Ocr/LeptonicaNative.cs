using System.Runtime.InteropServices;

namespace Capture.Classifier.Ocr;

/// <summary>The parts of leptonica (Debian's liblept.so.5, 1.82) used to decode page images.</summary>
internal static partial class LeptonicaNative
{
    private const string Library = "liblept.so.5";

    /// <summary>leptonica's <c>L_SEVERITY_NONE</c>: its own stderr messages are replaced by our exceptions and logs.</summary>
    public const int SeverityNone = 6;

    [LibraryImport(Library)]
    public static partial int setMsgSeverity(int newSeverity);

    [LibraryImport(Library)]
    public static partial PixHandle pixReadMem(ReadOnlySpan<byte> data, nuint size);

    [LibraryImport(Library)]
    public static partial PixHandle pixReadMemTiff(ReadOnlySpan<byte> data, nuint size, int n);

    [LibraryImport(Library)]
    public static partial int pixReadHeaderMem(
        ReadOnlySpan<byte> data,
        nuint size,
        out int format,
        out int width,
        out int height,
        out int bitsPerSample,
        out int samplesPerPixel,
        out int isColormapped);

    [LibraryImport(Library)]
    public static partial int readHeaderMemTiff(
        ReadOnlySpan<byte> data,
        nuint size,
        int n,
        out int width,
        out int height,
        out int bitsPerSample,
        out int samplesPerPixel,
        out int resolution,
        out int isColormapped,
        out int format);

    [LibraryImport(Library)]
    public static partial int pixGetWidth(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixGetHeight(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixGetDepth(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixGetXRes(PixHandle pix);

    [LibraryImport(Library)]
    public static partial PixHandle pixConvertTo8(PixHandle pix, int colormapFlag);

    [LibraryImport(Library)]
    public static partial void pixDestroy(ref IntPtr pix);

    /// <summary>A new reference to the same image (leptonica counts references); the caller owns the returned pointer.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixClone(PixHandle pix);

    /// <summary>A new image scaled by the given factors (with smoothing when reducing), owned by the returned handle.</summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixScale(PixHandle pix, float scaleX, float scaleY);

    /// <summary>A new 1-bit image thresholded from <paramref name="pix"/>; the caller owns the returned pointer (null on failure).</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixConvertTo1(PixHandle pix, int threshold);

    /// <summary>A new reference to the same image, owned by the returned handle.</summary>
    [LibraryImport(Library, EntryPoint = "pixClone")]
    public static partial PixHandle pixCloneHandle(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixSetResolution(PixHandle pix, int xResolution, int yResolution);

    /// <summary>Rotates by <paramref name="quads"/> quarter turns clockwise (0..3).</summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixRotateOrth(PixHandle pix, int quads);

    /// <summary>
    /// Finds the skew of the text lines and returns the page rotated straight, or a clone of the page (same pointer)
    /// when the skew is too small or too uncertain to correct. 0 for the tuning arguments takes leptonica's defaults
    /// (a sweep of ±7°). <paramref name="angle"/> is in degrees, clockwise positive.
    /// </summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixDeskewGeneral(
        PixHandle pix,
        int reductionSweep,
        float sweepRange,
        float sweepDelta,
        int reductionSearch,
        int threshold,
        out float angle,
        out float confidence);

    /// <summary>Rotates by <paramref name="radians"/> clockwise (used by tests to make skewed scans).</summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixRotate(PixHandle pix, float radians, int type, int incolor, int width, int height);

    /// <summary>Writes pages as one multi-page TIFF (used by tests and tools). Returns 0 on success.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pixWriteTiff(string fileName, PixHandle pix, int compression, string mode);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial PixHandle pixRead(string fileName);

    /// <summary>leptonica's <c>IFF_PNG</c> output format.</summary>
    public const int FormatPng = 3;

    /// <summary>
    /// A new image scaled to <paramref name="width"/> × <paramref name="height"/> (0 for one of them keeps the aspect
    /// ratio); a 1-bit page is reduced to grey, so its lines stay readable when small.
    /// </summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixScaleToSize(PixHandle pix, int width, int height);

    /// <summary>Encodes an image in memory (e.g. <see cref="FormatPng"/>); the caller frees <paramref name="data"/> with <see cref="lept_free"/>. Returns 0 on success.</summary>
    [LibraryImport(Library)]
    public static partial int pixWriteMem(out IntPtr data, out nuint size, PixHandle pix, int format);

    [LibraryImport(Library)]
    public static partial void lept_free(IntPtr data);

    /// <summary>Writes one image in a leptonica format (e.g. 3 = PNG; used by tests). Returns 0 on success.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pixWrite(string fileName, PixHandle pix, int format);
}

/// <summary>Owns a leptonica <c>PIX*</c>.</summary>
internal sealed class PixHandle : SafeHandle
{
    public PixHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>
    /// True when the page came from a black-and-white scan (e.g. a CCITT or JBIG2 image in a PDF) and was decoded
    /// in grey only to recognise it better: its searchable copy then embeds a 1-bit image, as small as the original.
    /// </summary>
    public bool BlackAndWhiteSource { get; set; }

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        LeptonicaNative.pixDestroy(ref pix);
        return true;
    }
}
