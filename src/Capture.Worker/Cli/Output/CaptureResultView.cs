using System.Globalization;
using Capture.Classifier.Metadata;
using Capture.Web.Cases;
using Capture.Worker.Pipeline;

namespace Capture.Worker.Cli.Output;

/// <summary>The JSON shape of one <c>capture import --json</c> line.</summary>
internal sealed record CaptureResultView(
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
    string? Reason)
{
    public static CaptureResultView From(CaptureResult result) => new(
        result.Item.Origin,
        result.Outcome.ToString().ToLowerInvariant(),
        result.RegistrationNumber,
        ArchiveVocabulary.Word(result.Category),
        Math.Round(result.Confidence, 4),
        result.Language,
        new ContactView(result.Contact.Name, result.Contact.Email, result.Contact.Phone),
        new ReferencesView(result.References.Orders, result.References.Invoices, result.References.Serials, result.References.Policies),
        result.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
        result.LetterDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        result.Address?.ToString(),
        [.. result.Amounts.Select(a => a.ToString())],
        [.. result.Findings.Select(FindingView.From)],
        result.ArchivePath,
        result.Pages,
        result.Ocr,
        result.OcrConfidence is { } c ? Math.Round(c, 4) : null,
        result.NeedsReview,
        result.Reason);
}

/// <summary>One detail found in an item, with how sure the extractor is and where in the item it was.</summary>
internal sealed record FindingView(string Kind, string Value, double Confidence, string Location)
{
    public static FindingView From(MetadataField field) => new(
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.Kind.ToString()),
        field.Value,
        Math.Round(field.Confidence, 2),
        field.Location.ToString().ToLowerInvariant());
}
