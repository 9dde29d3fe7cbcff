using System.Globalization;
using Archive.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Archive.Search.Indexing;

/// <summary>
/// Turns an <see cref="IndexedDocument"/> into Lucene fields and back. Every document-level value is stored, so a
/// case can be re-stamped (<see cref="ArchiveIndex.UpdateCase"/>) without the store.
/// </summary>
internal static class IndexDocumentMapper
{
    /// <summary>The doc value of <see cref="IndexFields.WaitingSince"/> for a case nobody waits on: sorts after every real wait.</summary>
    public const long NotWaiting = long.MaxValue;

    public static Document ToLucene(IndexedDocument source)
    {
        var document = new Document
        {
            new StringField(IndexFields.DocumentId, source.DocumentId, Field.Store.YES),
            new TextField(IndexFields.Text, source.Text, Field.Store.YES),
        };

        AddInstant(document, IndexFields.ReceivedAt, source.ReceivedAt, sortable: true);
        AddKeyword(document, IndexFields.Language, source.Language);
        AddText(document, IndexFields.Subject, source.Subject);
        AddText(document, IndexFields.FileName, source.FileName);
        if (StemLanguage.For(source.Language) is { } language)
        {
            document.Add(new TextField(language.Field, source.Text, Field.Store.NO));
        }

        AddKeywords(document, IndexFields.Orders, source.Orders);
        AddKeywords(document, IndexFields.Invoices, source.Invoices);
        AddKeywords(document, IndexFields.Serials, source.Serials);
        AddKeywords(document, IndexFields.Policies, source.Policies);
        AddCase(document, source.Case);
        AddFreeTermFields(document, source);
        return document;
    }

    /// <summary>The two fields free terms look in besides the text and stems: <see cref="IndexFields.Meta"/> and <see cref="IndexFields.Identifiers"/>.</summary>
    private static void AddFreeTermFields(Document document, IndexedDocument source)
    {
        var email = source.Case.ContactEmail;
        var emailParts = string.IsNullOrWhiteSpace(email) ? null : string.Join(' ', IdentifierParts(email));
        var meta = string.Join('\n', new[] { source.Subject, source.FileName, source.Case.ContactName, emailParts }.Where(value => !string.IsNullOrWhiteSpace(value)));
        if (meta.Length > 0)
        {
            document.Add(new TextField(IndexFields.Meta, meta, Field.Store.NO));
        }

        var identifiers = new[] { source.Case.RegistrationNumber, email }
            .Concat(source.Orders).Concat(source.Invoices).Concat(source.Serials).Concat(source.Policies)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => TermNormalizer.Lower(value!))
            .Distinct(StringComparer.Ordinal);
        foreach (var identifier in identifiers)
        {
            document.Add(new StringField(IndexFields.Identifiers, identifier, Field.Store.NO));
        }
    }

    /// <summary>The letter and digit runs of an identifier (<c>jan.kowalski@example.pl</c> → jan, kowalski, example, pl).</summary>
    private static IEnumerable<string> IdentifierParts(string value)
    {
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var inRun = i < value.Length && char.IsLetterOrDigit(value[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                yield return value[start..i];
                start = -1;
            }
        }
    }

    /// <summary>The stored document's own values, with <paramref name="case"/> as its case.</summary>
    public static IndexedDocument FromStored(Document stored, IndexedCase @case) =>
        new(
            DocumentId: stored.Get(IndexFields.DocumentId, CultureInfo.InvariantCulture),
            Case: @case,
            Language: stored.Get(IndexFields.Language, CultureInfo.InvariantCulture),
            Subject: stored.Get(IndexFields.Subject, CultureInfo.InvariantCulture),
            FileName: stored.Get(IndexFields.FileName, CultureInfo.InvariantCulture),
            Text: stored.Get(IndexFields.Text, CultureInfo.InvariantCulture) ?? string.Empty,
            ReceivedAt: Instant(stored, IndexFields.ReceivedAt) ?? DateTimeOffset.UnixEpoch,
            Orders: stored.GetValues(IndexFields.Orders, CultureInfo.InvariantCulture),
            Invoices: stored.GetValues(IndexFields.Invoices, CultureInfo.InvariantCulture),
            Serials: stored.GetValues(IndexFields.Serials, CultureInfo.InvariantCulture),
            Policies: stored.GetValues(IndexFields.Policies, CultureInfo.InvariantCulture));

    /// <summary>The case as stored on one of its documents.</summary>
    public static IndexedCase CaseFromStored(Document stored)
    {
        string? Get(string field) => stored.Get(field, CultureInfo.InvariantCulture);
        return new IndexedCase(
            CaseId: Get(IndexFields.CaseId) ?? string.Empty,
            RegistrationNumber: Get(IndexFields.RegistrationNumber) ?? string.Empty,
            RegistrationYear: stored.GetField(IndexFields.RegistrationYear)?.GetInt32Value() ?? 0,
            RegistrationSequence: stored.GetField(IndexFields.RegistrationSequence)?.GetInt32Value() ?? 0,
            Category: Get(IndexFields.Category) ?? string.Empty,
            Status: Get(IndexFields.Status) ?? string.Empty,
            Handler: Get(IndexFields.Handler),
            ContactName: Get(IndexFields.ContactName),
            ContactEmail: Get(IndexFields.Email),
            WaitingSince: Instant(stored, IndexFields.WaitingSince),
            AlertDueAt: Instant(stored, IndexFields.AlertDueAt));
    }

    public static DateTimeOffset? Instant(Document stored, string field) =>
        stored.GetField(field)?.GetInt64Value() is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>A case's 64-bit key for collapsing results; two of a million cases share one with odds of about 1 in 36 million.</summary>
    public static long CaseKey(string caseId) =>
        unchecked((long)System.IO.Hashing.XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(caseId.AsSpan())));

    public static long RegistrationOrder(IndexedCase @case) => (@case.RegistrationYear * 10_000_000_000L) + @case.RegistrationSequence;

    private static void AddCase(Document document, IndexedCase @case)
    {
        document.Add(new StringField(IndexFields.CaseId, @case.CaseId, Field.Store.YES));
        document.Add(new NumericDocValuesField(IndexFields.CaseKey, CaseKey(@case.CaseId)));
        AddKeyword(document, IndexFields.RegistrationNumber, @case.RegistrationNumber);
        document.Add(new StoredField(IndexFields.RegistrationYear, @case.RegistrationYear));
        document.Add(new StoredField(IndexFields.RegistrationSequence, @case.RegistrationSequence));
        document.Add(new NumericDocValuesField(IndexFields.RegistrationOrder, RegistrationOrder(@case)));
        AddFacet(document, IndexFields.Category, @case.Category);
        AddFacet(document, IndexFields.Status, @case.Status);

        if (!string.IsNullOrWhiteSpace(@case.Handler))
        {
            AddKeyword(document, IndexFields.Handler, @case.Handler);
            document.Add(new TextField(IndexFields.HandlerParts, @case.Handler, Field.Store.NO));
        }

        if (!string.IsNullOrWhiteSpace(@case.ContactEmail))
        {
            var email = TermNormalizer.Lower(@case.ContactEmail);
            document.Add(new StringField(IndexFields.Email, email, Field.Store.YES));
            document.Add(new TextField(IndexFields.EmailParts, email, Field.Store.NO));
        }

        AddText(document, IndexFields.ContactName, @case.ContactName);
        if (@case.WaitingSince is { } waitingSince)
        {
            AddInstant(document, IndexFields.WaitingSince, waitingSince, sortable: false);
        }

        document.Add(new NumericDocValuesField(IndexFields.WaitingSince, @case.WaitingSince?.UtcTicks ?? NotWaiting));
        if (@case.AlertDueAt is { } alertDueAt)
        {
            AddInstant(document, IndexFields.AlertDueAt, alertDueAt, sortable: false);
        }
    }

    /// <summary>Indexed lower-cased (searches are case-insensitive), stored as given (results show it as given).</summary>
    private static void AddKeyword(Document document, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        document.Add(new StringField(field, TermNormalizer.Lower(value), Field.Store.NO));
        document.Add(new StoredField(field, value.Trim()));
    }

    /// <summary>A keyword with doc values, counted per result set.</summary>
    private static void AddFacet(Document document, string field, string value)
    {
        AddKeyword(document, field, value);
        document.Add(new SortedDocValuesField(field, new BytesRef(TermNormalizer.Lower(value))));
    }

    private static void AddKeywords(Document document, string field, IReadOnlyList<string>? values)
    {
        foreach (var value in values ?? [])
        {
            AddKeyword(document, field, value);
        }
    }

    private static void AddText(Document document, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            document.Add(new TextField(field, value, Field.Store.YES));
        }
    }

    private static void AddInstant(Document document, string field, DateTimeOffset value, bool sortable)
    {
        document.Add(new Int64Field(field, value.UtcTicks, Field.Store.YES));
        if (sortable)
        {
            document.Add(new NumericDocValuesField(field, value.UtcTicks));
        }
    }
}
