using System.Diagnostics.CodeAnalysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Archive.Search.Analysis;

/// <summary>
/// The analysis chain of free text: StandardTokenizer, lower case, optionally ASCII folding, then an
/// optional language stage. No stop words: the archive is Polish, Hungarian and English at once.
/// </summary>
/// <remarks>
/// The language stage is where a per-language Hunspell stemmer slots in: build one analyzer per
/// language with its stemming filter and index a per-language stemmed field with it, so folding and
/// exact fields stay language-neutral.
/// </remarks>
internal sealed class ArchiveTextAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly bool foldDiacritics;
    private readonly Func<TokenStream, TokenStream>? languageStage;

    public ArchiveTextAnalyzer(bool foldDiacritics, Func<TokenStream, TokenStream>? languageStage = null)
    {
        this.foldDiacritics = foldDiacritics;
        this.languageStage = languageStage;
    }

    [SuppressMessage("Reliability", "CA2000", Justification = "The returned components own the token streams; Lucene disposes them with the analyzer.")]
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        if (foldDiacritics)
        {
            stream = new ASCIIFoldingFilter(stream);
        }

        if (languageStage is not null)
        {
            stream = languageStage(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
