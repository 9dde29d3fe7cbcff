namespace Capture.Classifier.Images;

/// <summary>The raster formats Capture recognises, as told by their first bytes.</summary>
public enum ImageFormat
{
    /// <summary>TIFF, possibly multi-page, any compression leptonica's libtiff reads (incl. CCITT G4).</summary>
    Tiff,
    /// <summary>PNG.</summary>
    Png,
    /// <summary>JPEG (JFIF/Exif).</summary>
    Jpeg,
    /// <summary>GIF (the first frame).</summary>
    Gif,
    /// <summary>Windows bitmap.</summary>
    Bmp,
    /// <summary>WebP.</summary>
    WebP,
}
