namespace Capture.Classifier.Tests.Accuracy;

/// <summary>
/// What Capture must achieve, from character error rates measured on this machine (Tesseract 5.3, pol+hun+eng,
/// Debian's traineddata). A ceiling is what the <c>tesseract</c> program reaches on the page when it lies straight,
/// with room for a few characters; a page turned by a quarter is the same pixels, and one put straight again after a
/// 3° skew measured no worse than its upright scan either, so turned and skewed pages get the upright ceilings.
/// </summary>
internal static class AccuracyBounds
{
    /// <summary>phototest.tif: 0 upright, and 0 after turning any of its turned copies back; ~3 of 270 characters.</summary>
    public const double Phototest = 0.01;

    /// <summary>eurotext.tif: 0.012 (German and French quotes and accents outside pol+hun+eng); ~10 of 414 characters.</summary>
    public const double Eurotext = 0.025;

    /// <summary>
    /// The LinnSequencer page (linn.png and the PDFs made from it): 0.010–0.011 upright; skew.pdf turned straight by
    /// 2–3° measured 0.010–0.011 too. About 90 of 4,450 characters (its ground truth is itself an OCR transcript).
    /// </summary>
    public const double Linn = 0.02;

    /// <summary>The synthetic letters: 0 to 0.017 upright (Hungarian ő read as ó), and no worse put straight after a skew; ~20 of 660 characters.</summary>
    public const double Letter = 0.03;

    /// <summary>
    /// How much worse than the program Capture may be on a page both read: a few characters, because Capture renders a
    /// PDF page in grey where a user's <c>pdftoppm -png</c> renders it in colour.
    /// </summary>
    public const double Tolerance = 0.005;

    /// <summary>How much better than the program Capture must be on a turned page the program cannot read.</summary>
    public const double GainOnTurnedPage = 0.2;

    /// <summary>
    /// How much worse than the program Capture may read a page skewed by a few degrees: 1% CER, about eight
    /// characters of these letters. Straightening resamples the page, which on some skews costs a few characters
    /// (hu-panasz +3°: 0.0114 against 0.0049) while on others it is what makes the page readable at all
    /// (pl-podziekowanie −3°: 0.0000 against 0.6362; skew.pdf: 0.0105 against 0.3967).
    /// </summary>
    public const double SkewTolerance = 0.01;
}
