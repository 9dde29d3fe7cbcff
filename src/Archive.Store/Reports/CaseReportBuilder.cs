using Archive.Store.Cases;
using Archive.Store.Deadlines;
using Archive.Store.Documents;

namespace Archive.Store.Reports;

/// <summary>How <c>capture report</c> groups and trims: the period and the repeated-problem rules.</summary>
/// <param name="Since">The first instant of the period (inclusive), or null for all cases.</param>
/// <param name="Until">The end of the period (exclusive).</param>
/// <param name="Top">How many entries each repeated-problem list keeps.</param>
/// <param name="SerialPrefixLength">How many leading characters of a serial number make its prefix (a production batch or model).</param>
/// <param name="OrderBatchDigits">How many trailing digits of an order number vary inside one batch (2: orders 09900–09999 are one batch).</param>
public sealed record ReportSettings(DateTimeOffset? Since, DateTimeOffset Until, int Top = 10, int SerialPrefixLength = 6, int OrderBatchDigits = 2);

/// <summary>Computes a <see cref="CaseReport"/> from the stored cases and documents (a pure function of its inputs and <c>now</c>).</summary>
public static class CaseReportBuilder
{
    private const int Examples = 5;

    /// <summary>The report over the cases received in the settings' period.</summary>
    /// <param name="cases">Every case (those outside the period are ignored).</param>
    /// <param name="documents">Their documents, for the serial and order numbers.</param>
    /// <param name="settings">The period and grouping rules.</param>
    /// <param name="now">The clock's now, for deadlines at risk and missed.</param>
    /// <param name="texts">The documents' extracted texts by document id, for the product words; none when null.</param>
    /// <param name="vocabulary">The words of ordinary letters, which are not products; <see cref="LetterVocabulary.Empty"/> when null.</param>
    public static CaseReport Build(
        IEnumerable<CaseRecord> cases,
        IEnumerable<DocumentRecord> documents,
        ReportSettings settings,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string>? texts = null,
        LetterVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(settings);
        var inPeriod = cases
            .Where(c => (settings.Since is not { } since || c.ReceivedAt >= since) && c.ReceivedAt < settings.Until)
            .OrderBy(c => c.ReceivedAt)
            .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal)
            .ToList();
        var complaints = inPeriod.Where(c => c.Category == CaseCategory.Complaint).ToDictionary(c => c.Id);
        var complaintDocuments = documents.Where(d => complaints.ContainsKey(d.CaseId)).ToList();

        return new CaseReport
        {
            Since = settings.Since,
            Until = settings.Until,
            Cases = inPeriod.Count,
            ByStatus = CountBy(inPeriod, c => ArchiveWords.Word(c.Status)),
            ByCategory = CountBy(inPeriod, c => ArchiveWords.Word(c.Category)),
            ByHandler = CountBy(inPeriod, c => string.IsNullOrWhiteSpace(c.Handler) ? "unassigned" : c.Handler),
            ByLanguage = CountBy(inPeriod, c => string.IsNullOrWhiteSpace(c.Language) ? "unknown" : c.Language),
            TimeToFirstResponse = Summarise(inPeriod.Where(c => c.FirstResponseAt is not null).Select(c => c.FirstResponseAt!.Value - c.ReceivedAt)),
            TimeToClose = Summarise(inPeriod.Where(c => c.Status == CaseStatus.Closed && c.ClosedAt is not null).Select(c => c.ClosedAt!.Value - c.ReceivedAt)),
            Deadlines = DeadlinesOf(inPeriod, now),
            RepeatedProblems = new RepeatedProblems(
                Clusters(complaints.Values.Where(c => !string.IsNullOrWhiteSpace(c.Product)).Select(c => (c.Product!, c)), settings.Top),
                Clusters(ValuesOf(complaintDocuments, d => d.Serials, complaints).Select(v => (SerialPrefix(v.Value, settings.SerialPrefixLength), v.Case)), settings.Top),
                Clusters(ValuesOf(complaintDocuments, d => d.Orders, complaints).Select(v => (OrderBatch(v.Value, settings.OrderBatchDigits), v.Case)), settings.Top),
                WordClusters(complaintDocuments, complaints, texts, vocabulary ?? LetterVocabulary.Empty, settings.Top)),
        };
    }

    /// <summary>The first <paramref name="length"/> letters and digits of a serial number, upper case, separators dropped.</summary>
    public static string SerialPrefix(string serial, int length)
    {
        ArgumentNullException.ThrowIfNull(serial);
        var letters = serial.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray();
        return new string(letters, 0, Math.Min(length, letters.Length));
    }

    /// <summary>An order number with its last <paramref name="digits"/> digits replaced by <c>x</c>: the batch it belongs to.</summary>
    public static string OrderBatch(string order, int digits)
    {
        ArgumentNullException.ThrowIfNull(order);
        var characters = order.Trim().ToUpperInvariant().ToCharArray();
        for (int i = characters.Length - 1, left = digits; i >= 0 && left > 0 && char.IsAsciiDigit(characters[i]); i--, left--)
        {
            characters[i] = 'x';
        }

        return new string(characters);
    }

    private static List<ReportCount> CountBy(IEnumerable<CaseRecord> cases, Func<CaseRecord, string> key) =>
        [.. cases.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ReportCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Cases)
            .ThenBy(c => c.Value, StringComparer.Ordinal)];

    private static DurationSummary Summarise(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Where(d => d >= TimeSpan.Zero).Order().ToList();
        return sorted.Count == 0
            ? new DurationSummary(0, null, null)
            : new DurationSummary(sorted.Count, NearestRank(sorted, 0.5), NearestRank(sorted, 0.9));
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="fraction"/> of the values at or below it.</summary>
    private static TimeSpan NearestRank(List<TimeSpan> sorted, double fraction) =>
        sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private static DeadlineSummary DeadlinesOf(List<CaseRecord> cases, DateTimeOffset now)
    {
        var urgent = new List<(CaseRecord Case, DateTimeOffset Due)>();
        int atRisk = 0, missed = 0, closedLate = 0;
        foreach (var caseRecord in cases)
        {
            if (caseRecord.Deadline is not { DueAt: { } due } deadline)
            {
                continue;
            }

            var standing = deadline.StandingAt(now);
            if (caseRecord.Status == CaseStatus.Closed)
            {
                closedLate += standing == DeadlineStanding.ClosedLate ? 1 : 0;
                continue;
            }

            if (standing is DeadlineStanding.Missed or DeadlineStanding.AtRisk)
            {
                (missed, atRisk) = standing == DeadlineStanding.Missed ? (missed + 1, atRisk) : (missed, atRisk + 1);
                urgent.Add((caseRecord, due));
            }
        }

        return new DeadlineSummary(atRisk, missed, closedLate, [.. urgent.OrderBy(u => u.Due).ThenBy(u => u.Case.RegistrationNumber, StringComparer.Ordinal).Select(u => u.Case.RegistrationNumber)]);
    }

    /// <summary>
    /// The product words the complaints share: their forms counted as one (<see cref="LetterVocabulary.Key"/>) and shown
    /// as the form most used; each named by the texts of complaints from at least two customers, and standing out from
    /// the words of ordinary letters (<see cref="LetterVocabulary.StandsOut"/>). The most complaints first, then the
    /// words that stand out most (a brand or model before a verb a complaint often uses).
    /// </summary>
    private static List<ProblemCluster> WordClusters(
        List<DocumentRecord> complaintDocuments, Dictionary<string, CaseRecord> complaints, IReadOnlyDictionary<string, string>? texts, LetterVocabulary vocabulary, int top) =>
        [.. ValuesOf(complaintDocuments, d => WordsOf(d, complaints[d.CaseId], texts), complaints)
            .GroupBy(v => vocabulary.Key(v.Value, v.Case.Language), StringComparer.Ordinal)
            .Select(g => (Word: MostUsed(g.Select(v => v.Value)), Cases: g.Select(v => v.Case).DistinctBy(c => c.Id).OrderBy(c => c.ReceivedAt).ToList()))
            .Where(g => g.Cases.Select(Customer).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= 2)
            .Select(g => (g.Word, g.Cases, Languages: (IReadOnlyCollection<string>)[.. g.Cases.Select(c => c.Language).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)]))
            .Where(g => !vocabulary.IsEveryday(g.Word, g.Languages))
            .Select(g => (g.Word, g.Cases, Lift: vocabulary.Lift(g.Word, g.Languages, (double)g.Cases.Count / complaints.Count)))
            .Where(g => g.Lift >= LetterVocabulary.MinimumLift)
            .OrderByDescending(g => g.Cases.Count)
            .ThenByDescending(g => g.Lift)
            .ThenBy(g => g.Word, StringComparer.Ordinal)
            .Take(top)
            .Select(g => new ProblemCluster(g.Word, g.Cases.Count, [.. g.Cases.Take(Examples).Select(c => c.RegistrationNumber)]))];

    private static string MostUsed(IEnumerable<string> forms) =>
        forms.GroupBy(f => f, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Who complained: the case's contact, its e-mail address or name, or the case itself when it has neither.</summary>
    private static string Customer(CaseRecord complaint) =>
        complaint.ContactId ?? complaint.ContactEmail ?? complaint.ContactName ?? complaint.Id;

    /// <summary>The product-like words of a complaint document: its subject and text, less its sender's name.</summary>
    private static IEnumerable<string> WordsOf(DocumentRecord document, CaseRecord complaint, IReadOnlyDictionary<string, string>? texts) =>
        ProductWords.Of($"{document.Subject}\n{(texts is not null && texts.TryGetValue(document.Id, out var text) ? text : "")}", complaint.ContactName);

    private static IEnumerable<(string Value, CaseRecord Case)> ValuesOf(
        IEnumerable<DocumentRecord> documents, Func<DocumentRecord, IEnumerable<string>> values, Dictionary<string, CaseRecord> cases) =>
        documents.SelectMany(d => values(d).Select(v => (v, cases[d.CaseId])));

    private static List<ProblemCluster> Clusters(IEnumerable<(string Key, CaseRecord Case)> keyed, int top) =>
        [.. keyed
            .Where(k => !string.IsNullOrWhiteSpace(k.Key))
            .GroupBy(k => k.Key.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, Cases: g.Select(k => k.Case).DistinctBy(c => c.Id).OrderBy(c => c.ReceivedAt).ToList()))
            .Where(g => g.Cases.Count >= 2)
            .OrderByDescending(g => g.Cases.Count)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(g => new ProblemCluster(g.Key, g.Cases.Count, [.. g.Cases.Take(Examples).Select(c => c.RegistrationNumber)]))];
}
