namespace Capture.Classifier.Language;

/// <summary>The detected language of a text: an ISO 639-1 code (<c>pl</c>, <c>hu</c>, <c>en</c>) and a confidence 0..1.</summary>
public sealed record LanguageGuess(string Language, double Confidence);
