using System.Runtime.CompilerServices;
using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// <summary>
/// The per-document values searches read for each match (case key, category and status, and the sort keys), copied out
/// of a segment's doc values into plain arrays once per segment. Segments never change once written, so the copy is
/// kept as long as the segment lives (keyed on its core): about 10 bytes per document, and 8 more for each sort key
/// once a search has sorted by it. Reading an array is several times cheaper than decoding a doc value per match,
/// which is what a query matching most of the archive does.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = [];

    private readonly AtomicReader reader;
    private readonly Dictionary<string, long[]?> sortKeys = new(StringComparer.Ordinal);

    private SegmentColumns(AtomicReader reader, long[]? caseKeys, short[] categories, string[] categoryNames, short[] statuses, string[] statusNames)
    {
        this.reader = reader;
        CaseKeys = caseKeys;
        Categories = categories;
        CategoryNames = categoryNames;
        Statuses = statuses;
        StatusNames = statusNames;
    }

    /// <summary>Each document's case key, or null for a segment without them (an index of schema 1).</summary>
    public long[]? CaseKeys { get; }

    /// <summary>Each document's category as an index into <see cref="CategoryNames"/>, -1 for none.</summary>
    public short[] Categories { get; }

    public string[] CategoryNames { get; }

    /// <summary>Each document's status as an index into <see cref="StatusNames"/>, -1 for none.</summary>
    public short[] Statuses { get; }

    public string[] StatusNames { get; }

    public static SegmentColumns For(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => Load(reader));

    private static SegmentColumns Load(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        var caseKeys = Load(reader.GetNumericDocValues(IndexFields.CaseKey), count);

        var (categories, categoryNames) = Ordinals(reader, IndexFields.Category, count);
        var (statuses, statusNames) = Ordinals(reader, IndexFields.Status, count);
        return new SegmentColumns(reader, caseKeys, categories, categoryNames, statuses, statusNames);
    }

    /// <summary>Each document's value of a numeric doc-values field, loaded on first use; null when the segment lacks it.</summary>
    public long[]? SortKey(string field)
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

    private static (short[] Ordinals, string[] Names) Ordinals(AtomicReader reader, string field, int count)
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
