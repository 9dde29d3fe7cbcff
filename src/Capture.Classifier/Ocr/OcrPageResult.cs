using Capture.Classifier.Extraction;

namespace Capture.Classifier.Ocr;

/// <summary>The text Tesseract recognised on one page.</summary>
/// <param name="PageNumber">1-based page number.</param>
/// <param name="Text">The recognised text.</param>
/// <param name="Confidence">Tesseract's mean word confidence, 0..1.</param>
/// <param name="Elapsed">How long the page took, orientation detection and deskewing included.</param>
public sealed record OcrPageResult(int PageNumber, string Text, double Confidence, TimeSpan Elapsed)
{
    /// <summary>Degrees the page image was turned clockwise to make it upright before recognition: 0, 90, 180 or 270.</summary>
    public int Rotation { get; init; }

    /// <summary>Degrees the upright page was rotated (clockwise positive) to straighten its text lines; 0 when it was not.</summary>
    public double Skew { get; init; }

    /// <summary>How far orientation detection found the page turned (clockwise), or null when it was off or could not tell.</summary>
    public int? DetectedOrientation { get; init; }

    /// <summary>Tesseract's confidence in <see cref="DetectedOrientation"/>, or null.</summary>
    public double? OrientationConfidence { get; init; }

    /// <summary>How much of <see cref="Elapsed"/> went into orientation detection and deskewing.</summary>
    public TimeSpan PreparationTime { get; init; }

    /// <summary>True when the page was written as a one-page searchable PDF.</summary>
    internal bool SearchablePdfWritten { get; init; }

    /// <summary>The page as part of an extracted document.</summary>
    internal ExtractedPage ToExtractedPage() =>
        new(PageNumber, Text, FromOcr: true, Confidence) { Rotation = Rotation, Skew = Skew };
}

/// <summary>A document's recognised pages and, when asked for, its searchable PDF.</summary>
/// <param name="Pages">The pages in the order asked for.</param>
/// <param name="SearchablePdf">The searchable PDF, or null when none was asked for or it could not be made.</param>
/// <param name="SearchablePdfProblem">Why a searchable PDF that was asked for could not be made, or null.</param>
internal sealed record RecognizedDocument(IReadOnlyList<OcrPageResult> Pages, byte[]? SearchablePdf, string? SearchablePdfProblem);
