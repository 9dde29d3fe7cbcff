using System.Globalization;
using Archive.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Archive.Search.Indexing;

/// <summary>
/// Turns an <see cref="IndexedDocument"/> into Lucene fields and back. Everything needed to rebuild the
/// document is stored, so a case can be re-stamped (<see cref="ArchiveIndex.UpdateCase"/>) without the store.
/// </summary>
internal static class IndexDocumentMapper
{
    public static Document ToLucene(IndexedDocument source)
    {
        var document = new Document
        {
            new StringField(IndexFields.DocumentId, source.DocumentId, Field.Store.YES),
            new StringField(IndexFields.CaseId, source.CaseId, Field.Store.YES),
            new SortedDocValuesField(IndexFields.CaseId, new BytesRef(source.CaseId)),
            new Int64Field(IndexFields.ReceivedAt, source.ReceivedAt.UtcTicks, Field.Store.YES),
            new TextField(IndexFields.Text, source.Text, Field.Store.YES),
            new TextField(IndexFields.TextExact, source.Text, Field.Store.NO),
        };

        AddKeyword(document, IndexFields.RegistrationNumber, source.RegistrationNumber);
        AddKeyword(document, IndexFields.Category, source.Category);
        AddKeyword(document, IndexFields.Status, source.Status);
        AddKeyword(document, IndexFields.Language, source.Language);

        if (!string.IsNullOrWhiteSpace(source.ContactEmail))
        {
            var email = TermNormalizer.Lower(source.ContactEmail);
            document.Add(new StringField(IndexFields.Email, email, Field.Store.YES));
            document.Add(new TextField(IndexFields.EmailParts, email, Field.Store.NO));
        }

        AddText(document, IndexFields.ContactName, source.ContactName);
        AddText(document, IndexFields.Subject, source.Subject);
        AddText(document, IndexFields.FileName, source.FileName);

        AddKeywords(document, IndexFields.Orders, source.Orders);
        AddKeywords(document, IndexFields.Invoices, source.Invoices);
        AddKeywords(document, IndexFields.Serials, source.Serials);
        AddKeywords(document, IndexFields.Policies, source.Policies);
        return document;
    }

    public static IndexedDocument FromStored(Document stored)
    {
        var ticks = stored.GetField(IndexFields.ReceivedAt)?.GetInt64Value() ?? 0;
        return new IndexedDocument(
            DocumentId: stored.Get(IndexFields.DocumentId, CultureInfo.InvariantCulture),
            CaseId: stored.Get(IndexFields.CaseId, CultureInfo.InvariantCulture),
            RegistrationNumber: stored.Get(IndexFields.RegistrationNumber, CultureInfo.InvariantCulture) ?? string.Empty,
            Category: stored.Get(IndexFields.Category, CultureInfo.InvariantCulture) ?? string.Empty,
            Status: stored.Get(IndexFields.Status, CultureInfo.InvariantCulture) ?? string.Empty,
            Language: stored.Get(IndexFields.Language, CultureInfo.InvariantCulture),
            ContactName: stored.Get(IndexFields.ContactName, CultureInfo.InvariantCulture),
            ContactEmail: stored.Get(IndexFields.Email, CultureInfo.InvariantCulture),
            Subject: stored.Get(IndexFields.Subject, CultureInfo.InvariantCulture),
            FileName: stored.Get(IndexFields.FileName, CultureInfo.InvariantCulture),
            Text: stored.Get(IndexFields.Text, CultureInfo.InvariantCulture) ?? string.Empty,
            ReceivedAt: new DateTimeOffset(ticks, TimeSpan.Zero),
            Orders: stored.GetValues(IndexFields.Orders, CultureInfo.InvariantCulture),
            Invoices: stored.GetValues(IndexFields.Invoices, CultureInfo.InvariantCulture),
            Serials: stored.GetValues(IndexFields.Serials, CultureInfo.InvariantCulture),
            Policies: stored.GetValues(IndexFields.Policies, CultureInfo.InvariantCulture));
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
}
