using Capture.Web.Cases;

namespace Capture.Web.Captures;

/// <summary>What became of one captured item: the JSON of a <c>capture import --json</c> line and of <c>POST /api/captures</c>.</summary>
public sealed record CaptureResultView(
    string Source,
    string Outcome,
    string? RegistrationNumber,
    string Category,
    double Confidence,
    string? Language,
    ContactView Contact,
    ReferencesView References,
    IReadOnlyList<string> Dates,
    string? LetterDate,
    string? Address,
    IReadOnlyList<string> Amounts,
    IReadOnlyList<FindingView> Findings,
    string? ArchivePath,
    int Pages,
    bool Ocr,
    double? OcrConfidence,
    bool NeedsReview,
    string? Reason);

/// <summary>One detail found in an item, with how sure the extractor is and where in the item it was.</summary>
public sealed record FindingView(string Kind, string Value, double Confidence, string Location);
