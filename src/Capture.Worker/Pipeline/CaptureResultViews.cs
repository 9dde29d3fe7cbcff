using System.Globalization;
using Capture.Classifier.Metadata;
using Capture.Web.Captures;
using Capture.Web.Cases;

namespace Capture.Worker.Pipeline;

/// <summary>Writes a <see cref="CaptureResult"/> as people and programs read it (<c>capture import --json</c>, <c>POST /api/captures</c>).</summary>
internal static class CaptureResultViews
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
        [.. result.Findings.Select(From)],
        result.ArchivePath,
        result.Pages,
        result.Ocr,
        result.OcrConfidence is { } c ? Math.Round(c, 4) : null,
        result.NeedsReview,
        result.Reason);

    private static FindingView From(MetadataField field) => new(
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.Kind.ToString()),
        field.Value,
        Math.Round(field.Confidence, 2),
        field.Location.ToString().ToLowerInvariant());
}
