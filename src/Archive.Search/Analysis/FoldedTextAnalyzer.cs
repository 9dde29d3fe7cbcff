using System.Diagnostics.CodeAnalysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Archive.Search.Analysis;

/// <summary>
/// Free text, language-neutral: StandardTokenizer, lower case, ASCII folding (<c>Łódź</c> → <c>lodz</c>).
/// With <c>keepOriginal</c> a word with diacritics is also kept as written, at the same position, so a query
/// typed with the right diacritics ranks exact spellings first while one typed without still finds them.
/// No stop words: the archive is Polish, Hungarian and English at once.
/// </summary>
internal sealed class FoldedTextAnalyzer(bool keepOriginal) : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    [SuppressMessage("Reliability", "CA2000", Justification = "The returned components own the token streams; Lucene disposes them with the analyzer.")]
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream, keepOriginal);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
