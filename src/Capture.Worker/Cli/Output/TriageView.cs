using Archive.Store.Cases;
using Capture.Web.Cases;
using Capture.Worker.Pipeline;

namespace Capture.Worker.Cli.Output;

/// <summary>One line of <c>capture triage --json</c>: a case waiting for a person to choose its category.</summary>
internal sealed record TriageView(
    string RegistrationNumber,
    DateTimeOffset ReceivedAt,
    string? SuggestedCategory,
    double Confidence,
    string? Language,
    ContactView Contact,
    string? Subject,
    string Source)
{
    public static TriageView From(CaseRecord record) => new(
        record.RegistrationNumber,
        record.ReceivedAt,
        record.SuggestedCategory is { } suggested ? ArchiveVocabulary.Word(suggested) : null,
        Math.Round(record.CategoryConfidence, 4),
        record.Language,
        new ContactView(record.ContactName, record.ContactEmail),
        record.Subject,
        record.Source);
}
