using System.Diagnostics.CodeAnalysis;
using Archive.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;

namespace Archive.Search.Analysis;

/// <summary>The per-field analyzer used both when indexing and when parsing queries, so the two always agree.</summary>
internal static class ArchiveAnalyzers
{
    [SuppressMessage("Reliability", "CA2000", Justification = "The wrapper holds the per-field analyzers for the index's lifetime; the index disposes the wrapper.")]
    public static Analyzer Create()
    {
        var folded = new ArchiveTextAnalyzer(foldDiacritics: true);
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [IndexFields.TextExact] = new ArchiveTextAnalyzer(foldDiacritics: false),
            [IndexFields.EmailParts] = new IdentifierPartsAnalyzer(),
            [IndexFields.DocumentId] = new KeywordAnalyzer(),
            [IndexFields.CaseId] = new KeywordAnalyzer(),
        };
        return new PerFieldAnalyzerWrapper(folded, perField);
    }
}
