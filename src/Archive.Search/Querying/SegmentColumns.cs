using System.Runtime.CompilerServices;
using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// <summary>
/// The per-document values searches read for each match (case ordinal, category and status, and the sort keys), copied
/// out of a segment's doc values into plain arrays once per segment. Segments never change once written, so the copy is
/// kept as long as the segment lives (keyed on its core): about 8 bytes per document, and 8 more for each sort key
/// once a search has sorted by it. Reading an array is several times cheaper than decoding a doc value per match,
/// which is what a query matching most of the archive does.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = [];

    private readonly Dictionary<string, long[]?> sortKeys = new(StringComparer.Ordinal);

    private SegmentColumns(CaseOrdinals ordinals, int[] cases, short[] categories, string[] categoryNames, short[] statuses, string[] statusNames)
    {
        Ordinals = ordinals;
        Cases = cases;
        Categories = categories;
        CategoryNames = categoryNames;
        Statuses = statuses;
        StatusNames = statusNames;
    }

    /// <summary>The numbering <see cref="Cases"/> uses: the index generation's.</summary>
    public CaseOrdinals Ordinals { get; }

    /// <summary>Each document's case as its ordinal in <see cref="Ordinals"/>, -1 for none.</summary>
    public int[] Cases { get; }

    /// <summary>Each document's category as an index into <see cref="CategoryNames"/>, -1 for none.</summary>
    public short[] Categories { get; }

    public string[] CategoryNames { get; }

    /// <summary>Each document's status as an index into <see cref="StatusNames"/>, -1 for none.</summary>
    public short[] Statuses { get; }

    public string[] StatusNames { get; }

    /// <summary>The segment's columns, its cases numbered by <paramref name="ordinals"/> (its generation's).</summary>
    public static SegmentColumns For(AtomicReader reader, CaseOrdinals ordinals)
    {
        var columns = Cache.GetValue(reader.CoreCacheKey, _ => Load(reader, ordinals));
        if (columns.Ordinals != ordinals)
        {
            // Only a segment read through two generations' numberings (never in the service) gets here.
            columns = Load(reader, ordinals);
            Cache.AddOrUpdate(reader.CoreCacheKey, columns);
        }

        return columns;
    }

    private static SegmentColumns Load(AtomicReader reader, CaseOrdinals ordinals)
    {
        var count = reader.MaxDoc;
        var cases = CaseOrdinalsOf(reader, ordinals, count);
        var (categories, categoryNames) = Values(reader, IndexFields.Category, count);
        var (statuses, statusNames) = Values(reader, IndexFields.Status, count);
        return new SegmentColumns(ordinals, cases, categories, categoryNames, statuses, statusNames);
    }

    private static int[] CaseOrdinalsOf(AtomicReader reader, CaseOrdinals ordinals, int count)
    {
        var cases = new int[count];
        if (Load(reader.GetNumericDocValues(IndexFields.CaseKey), count) is { } keys)
        {
            ordinals.Assign(keys, cases);
            return cases;
        }

        // An index of schema 1 (answering until its rebuild is done) has the case ids but not their keys.
        Array.Fill(cases, -1);
        if (reader.GetSortedDocValues(IndexFields.CaseId) is not { } caseIds)
        {
            return cases;
        }

        var keyOfId = new long[caseIds.ValueCount];
        var scratch = new BytesRef();
        for (var id = 0; id < keyOfId.Length; id++)
        {
            caseIds.LookupOrd(id, scratch);
            keyOfId[id] = IndexDocumentMapper.CaseKey(scratch.Utf8ToString());
        }

        var ordinalOfId = new int[keyOfId.Length];
        ordinals.Assign(keyOfId, ordinalOfId);
        for (var doc = 0; doc < count; doc++)
        {
            var id = caseIds.GetOrd(doc);
            cases[doc] = id >= 0 ? ordinalOfId[id] : -1;
        }

        return cases;
    }

    /// <summary>Each document's value of a numeric doc-values field, loaded on first use; null when the segment lacks it.</summary>
    /// <param name="reader">
    /// The segment's reader of the search asking. Not the one that first loaded the columns: a segment's core outlives
    /// its readers (a reopen after deletions gives the same core a new reader and disposes the old one), so a reader kept
    /// here could be disposed by the time a later search sorts.
    /// </param>
    /// <param name="field">The doc-values field.</param>
    public long[]? SortKey(AtomicReader reader, string field)
    {
        lock (sortKeys)
        {
            if (!sortKeys.TryGetValue(field, out var values))
            {
                values = Load(reader.GetNumericDocValues(field), reader.MaxDoc);
                sortKeys.Add(field, values);
            }

            return values;
        }
    }

    private static long[]? Load(NumericDocValues? source, int count)
    {
        if (source is null)
        {
            return null;
        }

        var values = new long[count];
        for (var doc = 0; doc < count; doc++)
        {
            values[doc] = source.Get(doc);
        }

        return values;
    }

    /// <summary>A sorted doc-values field as each document's index into the field's names (-1 for none).</summary>
    private static (short[] Ordinals, string[] Names) Values(AtomicReader reader, string field, int count)
    {
        var ordinals = new short[count];
        if (reader.GetSortedDocValues(field) is not { } values || values.ValueCount > short.MaxValue)
        {
            Array.Fill(ordinals, (short)-1);
            return (ordinals, []);
        }

        var names = new string[values.ValueCount];
        var scratch = new BytesRef();
        for (var ordinal = 0; ordinal < names.Length; ordinal++)
        {
            values.LookupOrd(ordinal, scratch);
            names[ordinal] = scratch.Utf8ToString();
        }

        for (var doc = 0; doc < count; doc++)
        {
            ordinals[doc] = (short)values.GetOrd(doc);
        }

        return (ordinals, names);
    }
}
