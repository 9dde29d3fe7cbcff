using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Contacts;
using Capture.Web.Cases;
using Capture.Worker.Cases.Assignment;
using Capture.Worker.Pipeline;

namespace Capture.Worker.Cases;

/// <summary>
/// The web's changes to cases, made as <c>capture case status</c>, <c>assign</c>, <c>remind</c> and <c>classify</c> make them (and contact corrections): the store
/// records the decision, the roster resolves logins and teams, and the case is re-indexed so searches see it at once.
/// </summary>
internal sealed class IndexedCaseUpdates(ArchiveStore store, CaseRoster roster, CaseIndexer indexer) : ICaseUpdates
{
    public CaseRecord ChangeStatus(string registrationNumber, CaseStatus status, string by, string? note) =>
        Reindexed(store.ChangeStatus(registrationNumber, status, by, note));

    public CaseRecord Assign(string registrationNumber, string user, string by, string? note) =>
        Reindexed(store.AssignCase(registrationNumber, roster.Resolve(user), by, note));

    public CaseRecord SetReminder(string registrationNumber, DateTimeOffset dueAt, string note, string by) =>
        Reindexed(store.SetReminder(registrationNumber, dueAt, note, by));

    public CaseRecord Reclassify(string registrationNumber, CaseCategory category, string by, string? note) =>
        Reindexed(store.Reclassify(registrationNumber, category, by, note));

    public CaseRecord EditContact(string registrationNumber, ContactEdit edit, string by) =>
        Reindexed(store.EditContact(registrationNumber, edit, by));

    private CaseRecord Reindexed(CaseRecord updated)
    {
        indexer.Reindex(updated);
        return updated;
    }
}
