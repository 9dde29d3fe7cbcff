using Archive.Store.Cases;
using Archive.Store.Reports;

namespace Archive.Store;

/// <summary>What managers and handlers look at: the period report, a handler's open cases, the open cases waiting for triage.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// The report over the cases received in the settings' period (see <see cref="CaseReportBuilder"/>), with the
    /// complaints' documents for their serial and order numbers and their texts for the product words.
    /// </summary>
    /// <param name="settings">The period and grouping rules.</param>
    /// <param name="now">The clock's now, for deadlines at risk and missed.</param>
    /// <param name="vocabulary">The words of ordinary letters, which are no products; none left out but stop words when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public CaseReport Report(ReportSettings settings, DateTimeOffset now, LetterVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cases = ListCasesReceived(settings.Since, settings.Until);
        var complaintDocuments = cases.Where(c => c.Category == CaseCategory.Complaint).SelectMany(c => GetDocuments(c.Id)).ToList();
        var texts = complaintDocuments.ToDictionary(d => d.Id, ReadText, StringComparer.Ordinal);
        return CaseReportBuilder.Build(cases, complaintDocuments, settings, now, texts, vocabulary);
    }

    /// <summary>The cases a handler holds that are not closed, in registration order, read through the handler-load index.</summary>
    /// <param name="login">The handler's login, compared exactly as stored on the cases (as <see cref="GetWorkload"/> counts them).</param>
    /// <returns>The cases.</returns>
    /// <exception cref="ArgumentException"><paramref name="login"/> is blank.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseRecord> ListOpenCasesOf(string login)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        var key = login.Trim() + CaseRecord.OpenLoadSuffix;
        return Read(() => _database.Cases.Find(LiteDB.Query.EQ(nameof(CaseRecord.HandlerLoad), key))
            .OrderBy(c => c.RegistrationYear)
            .ThenBy(c => c.RegistrationSequence)
            .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>
    /// The open cases whose category the classifier did not decide (it abstained), oldest received first: the triage
    /// queue. A closed case needs no triage, so it is left out even while its category is still unclassified.
    /// </summary>
    /// <returns>The cases.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<CaseRecord> ListUnclassifiedCases() => Read(() => _database.Cases
        .Find(c => c.Category == CaseCategory.Unclassified && c.Status != CaseStatus.Closed)
        .OrderBy(c => c.ReceivedAt)
        .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
        .ToList());
}
