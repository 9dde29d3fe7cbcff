using System.Runtime.CompilerServices;
using Archive.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Archive.Search.Querying;

/// <summary>
/// The per-document values every search reads for each match (case key, category and status), copied out of a
/// segment's doc values into plain arrays once per segment. Segments never change once written, so the copy is kept
/// as long as the segment lives (keyed on its core) and costs about ten bytes per document; reading an array is several
/// times cheaper than decoding a doc value per match, which is what a query matching most of the archive does.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = [];

    private SegmentColumns(long[]? caseKeys, short[] categories, string[] categoryNames, short[] statuses, string[] statusNames)
    {
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
        long[]? caseKeys = null;
        if (reader.GetNumericDocValues(IndexFields.CaseKey) is { } keys)
        {
            caseKeys = new long[count];
            for (var doc = 0; doc < count; doc++)
            {
                caseKeys[doc] = keys.Get(doc);
            }
        }

        var (categories, categoryNames) = Ordinals(reader, IndexFields.Category, count);
        var (statuses, statusNames) = Ordinals(reader, IndexFields.Status, count);
        return new SegmentColumns(caseKeys, categories, categoryNames, statuses, statusNames);
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
