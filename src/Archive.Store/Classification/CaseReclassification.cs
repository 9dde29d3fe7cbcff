using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Deadlines;
using Archive.Store.Storage;
using LiteDB;

namespace Archive.Store.Classification;

/// <summary>
/// Sets a case's category by a person's decision: case, correction, history and the deadline of the new category's rule
/// (keeping the time already used) in one transaction. The caller holds the store's lock.
/// </summary>
internal sealed class CaseReclassification(ArchiveDatabase database, StoreTransactions transactions, DeadlineClock deadlines)
{
    /// <returns>The case, and the correction recorded (null when the case already had that category).</returns>
    public (CaseRecord Case, CategoryCorrection? Correction) Apply(CaseRecord caseRecord, CaseCategory category, string by, string? note, DateTimeOffset now)
    {
        if (caseRecord.Category == category)
        {
            return (caseRecord, null);
        }

        var correction = new CategoryCorrection
        {
            Id = ObjectId.NewObjectId().ToString(),
            CaseId = caseRecord.Id,
            RegistrationNumber = caseRecord.RegistrationNumber,
            From = caseRecord.Category,
            To = category,
            Language = caseRecord.Language,
            By = by,
            Note = note,
            At = now,
        };
        var detail = $"Category {Word(caseRecord.Category)} → {Word(category)}" + (string.IsNullOrWhiteSpace(note) ? "." : $": {note}");
        transactions.Run(() =>
        {
            caseRecord.Category = category;
            caseRecord.CategoryConfidence = 1.0;
            caseRecord.SuggestedCategory = null;
            caseRecord.UpdatedAt = now;
            var deadlineChange = deadlines.AfterReclassify(caseRecord, now);
            database.Cases.Update(caseRecord);
            database.Corrections.Insert(correction);
            database.Events.Insert(CaseEvents.By(by, caseRecord.Id, now, CaseEventKinds.Reclassified, detail));
            database.Events.Insert(CaseEvents.Of(deadlineChange, by, caseRecord.Id, now));
        });
        return (caseRecord, correction);
    }

    private static string Word(CaseCategory category) => category.ToString().ToLowerInvariant();
}
