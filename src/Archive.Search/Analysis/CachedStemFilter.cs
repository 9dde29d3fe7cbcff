using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Analysis;

/// <summary>
/// Replaces each lower-cased word by its folded stems from a <see cref="StemCache"/>, extra stems at the same
/// position. Words with digits (order numbers, dates) and very long ones are only folded: they have no stems and
/// would crowd the cache out.
/// </summary>
internal sealed class CachedStemFilter : TokenFilter
{
    private const int LongestStemmedWord = 40;

    private readonly StemCache cache;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute positionIncrement;
    private string[]? pending;
    private int pendingIndex;
    private char[] folded = new char[64];

    public CachedStemFilter(TokenStream input, StemCache cache)
        : base(input)
    {
        this.cache = cache;
        term = AddAttribute<ICharTermAttribute>();
        positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending is not null && pendingIndex < pending.Length)
        {
            term.SetEmpty().Append(pending[pendingIndex++]);
            positionIncrement.PositionIncrement = 0;
            return true;
        }

        pending = null;
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = term.Buffer.AsSpan(0, term.Length);
        if (word.Length > LongestStemmedWord || word.ContainsAnyInRange('0', '9'))
        {
            FoldInPlace();
            return true;
        }

        var stems = cache.Stems(word);
        term.SetEmpty().Append(stems[0]);
        if (stems.Length > 1)
        {
            pending = stems;
            pendingIndex = 1;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pending = null;
    }

    private void FoldInPlace()
    {
        var length = term.Length;
        if (term.Buffer.AsSpan(0, length).ContainsAnyExceptInRange('\0', '\u007f'))
        {
            if (folded.Length < length * 4)
            {
                folded = new char[length * 4];
            }

            var foldedLength = ASCIIFoldingFilter.FoldToASCII(term.Buffer, 0, folded, 0, length);
            term.CopyBuffer(folded, 0, foldedLength);
        }
    }
}
