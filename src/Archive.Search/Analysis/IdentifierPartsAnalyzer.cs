using System.Diagnostics.CodeAnalysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using System.Text;

namespace Archive.Search.Analysis;

/// <summary>
/// Splits identifiers such as e-mail addresses into their letter/digit runs
/// (<c>jan.kowalski@example.com</c> → <c>jan</c>, <c>kowalski</c>, <c>example</c>, <c>com</c>),
/// so any part of an address finds it. StandardTokenizer would keep <c>jan.kowalski</c> whole.
/// </summary>
internal sealed class IdentifierPartsAnalyzer : Analyzer
{
    [SuppressMessage("Reliability", "CA2000", Justification = "The returned components own the token streams; Lucene disposes them with the analyzer.")]
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new LetterOrDigitTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(FoldedTextAnalyzer.Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    private sealed class LetterOrDigitTokenizer : CharTokenizer
    {
        public LetterOrDigitTokenizer(TextReader reader)
            : base(FoldedTextAnalyzer.Version, reader)
        {
        }

        protected override bool IsTokenChar(int c) => Rune.IsValid(c) && Rune.IsLetterOrDigit(new Rune(c));
    }
}
