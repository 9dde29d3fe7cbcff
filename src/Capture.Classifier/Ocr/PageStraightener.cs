using Capture.Classifier.Extraction;

namespace Capture.Classifier.Ocr;

/// <summary>Brings a page image upright (quarter turns found by OSD) and straight (small skew found by leptonica).</summary>
internal static class PageStraightener
{
    /// <summary>
    /// Scales a page larger than <paramref name="maxPixels"/> down to fit (Tesseract's memory grows with the page's
    /// pixels), adjusting <paramref name="resolution"/> to match; returns a new reference to the same page otherwise.
    /// </summary>
    /// <exception cref="UnreadableDocumentException">leptonica could not scale the page (out of memory).</exception>
    public static PixHandle FitWithin(PixHandle pix, long maxPixels, int pageNumber, ref int resolution)
    {
        var pixels = (double)LeptonicaNative.pixGetWidth(pix) * LeptonicaNative.pixGetHeight(pix);
        if (pixels <= maxPixels)
        {
            return LeptonicaNative.pixCloneHandle(pix);
        }

        var factor = (float)Math.Sqrt(maxPixels / pixels);
        resolution = Math.Max(1, (int)Math.Round(resolution * factor));
        var scaled = EnsureValid(LeptonicaNative.pixScale(pix, factor, factor), pageNumber, "scaled down");
        _ = LeptonicaNative.pixSetResolution(scaled, resolution, resolution);
        return scaled;
    }

    /// <summary>Turns the page by quarter turns clockwise; returns a new reference to the same page for 0.</summary>
    /// <exception cref="UnreadableDocumentException">leptonica could not rotate the page (out of memory).</exception>
    public static PixHandle TurnClockwise(PixHandle pix, int quarters, int pageNumber)
    {
        var turned = quarters == 0 ? LeptonicaNative.pixCloneHandle(pix) : LeptonicaNative.pixRotateOrth(pix, quarters);
        return EnsureValid(turned, pageNumber, "turned upright");
    }

    /// <summary>
    /// Straightens text lines skewed by up to about 7° (leptonica's sweep), and returns the straightened page with the
    /// angle it was rotated by (degrees, clockwise positive; 0 when the skew was too small or too uncertain to correct).
    /// </summary>
    /// <exception cref="UnreadableDocumentException">leptonica could not rotate the page (out of memory).</exception>
    public static PixHandle Deskew(PixHandle pix, int pageNumber, out double angle)
    {
        var straight = EnsureValid(
            LeptonicaNative.pixDeskewGeneral(pix, 0, 0f, 0f, 0, 0, out var found, out _),
            pageNumber,
            "straightened");

        // leptonica hands back the same image (a clone) when it decided not to rotate.
        angle = straight.DangerousGetHandle() == pix.DangerousGetHandle() ? 0 : Math.Round(found, 2);
        return straight;
    }

    private static PixHandle EnsureValid(PixHandle pix, int pageNumber, string what)
    {
        if (!pix.IsInvalid)
        {
            return pix;
        }

        pix.Dispose();
        throw new UnreadableDocumentException($"Page {pageNumber} could not be {what} for recognition (leptonica failed; the image may be too large).");
    }
}
