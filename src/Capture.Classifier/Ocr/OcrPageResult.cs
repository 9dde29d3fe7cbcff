namespace Capture.Classifier.Ocr;

/// <summary>The text Tesseract recognised on one page.</summary>
/// <param name="PageNumber">1-based page number.</param>
/// <param name="Text">The recognised text.</param>
/// <param name="Confidence">Tesseract's mean word confidence, 0..1.</param>
/// <param name="Elapsed">How long recognition took.</param>
public sealed record OcrPageResult(int PageNumber, string Text, double Confidence, TimeSpan Elapsed);
