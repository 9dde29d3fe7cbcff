using System.Diagnostics.CodeAnalysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace Archive.Search.Analysis;

/// <summary>
/// Free text in one language, reduced to folded Hunspell stems (<c>reklamację</c>, <c>reklamacji</c> →
/// <c>reklamacja</c>; <c>panaszomat</c> → <c>panasz</c>), for that language's stemmed field and for queries on it.
/// </summary>
internal sealed class StemmingAnalyzer(StemCache cache) : Analyzer
{
    [SuppressMessage("Reliability", "CA2000", Justification = "The returned components own the token streams; Lucene disposes them with the analyzer.")]
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(FoldedTextAnalyzer.Version, reader);
        TokenStream stream = new LowerCaseFilter(FoldedTextAnalyzer.Version, tokenizer);
        stream = new CachedStemFilter(stream, cache);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
