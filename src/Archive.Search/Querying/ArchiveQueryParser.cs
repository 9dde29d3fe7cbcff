using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util.Automaton;

namespace Archive.Search.Querying;

/// <summary>
/// Lucene's classic query syntax with the archive's field names: every user field is mapped onto its
/// index fields, and a term without a field is searched in the text fields and the keyword fields at once.
/// Not thread-safe (the classic parser keeps state); create one per parse.
/// </summary>
internal sealed class ArchiveQueryParser : QueryParser
{
    private readonly QueryContext context;
    private readonly Analyzer phraseAnalyzer;
    private readonly Func<string, bool> isUnknownWord;

    /// <param name="analyzer">The analyzer of every field.</param>
    /// <param name="phraseAnalyzer">
    /// Folded words only, for a quoted phrase in the text fields: with the words as written beside the folded ones
    /// at each position, Lucene runs a multi-term phrase, two to three times slower on common words.
    /// </param>
    /// <param name="context">The time and zone the query's dates are read in.</param>
    /// <param name="isUnknownWord">Whether no dictionary knows a word (see <see cref="ArchiveAnalyzers.IsUnknownWord"/>).</param>
    public ArchiveQueryParser(Analyzer analyzer, Analyzer phraseAnalyzer, QueryContext context, Func<string, bool> isUnknownWord)
        : base(FoldedTextAnalyzer.Version, QueryFields.Any, analyzer)
    {
        this.context = context;
        this.phraseAnalyzer = phraseAnalyzer;
        this.isUnknownWord = isUnknownWord;
        DefaultOperator = Operator.AND;
        AutoGeneratePhraseQueries = true;
        AllowLeadingWildcard = false;

        // A misspelling rarely hits the first letter; fixing it keeps fuzzy terms from scanning the whole dictionary.
        FuzzyPrefixLength = 1;
    }

    protected override Query? GetFieldQuery(string field, string queryText, bool quoted) =>
        BuildFieldQuery(field, queryText, slop: 0, quoted);

    protected override Query? GetFieldQuery(string field, string queryText, int slop) =>
        BuildFieldQuery(field, queryText, slop, quoted: true);

    protected override Query? GetPrefixQuery(string field, string termStr)
    {
        if (termStr.Length == 0)
        {
            throw new InvalidSearchQueryException("A prefix search needs at least one character before '*'.");
        }

        return BuildMultiTermQuery(
            field,
            includeKeywords: true,
            (indexField, normalized) => new PrefixQuery(new Term(indexField, normalized)),
            termStr);
    }

    protected override Query? GetWildcardQuery(string field, string termStr)
    {
        if (field == "*" && termStr == "*")
        {
            return new MatchAllDocsQuery();
        }

        if (termStr.StartsWith('*') || termStr.StartsWith('?'))
        {
            throw new InvalidSearchQueryException(
                $"'{termStr}' starts with a wildcard; put at least one letter before '*' or '?'.");
        }

        return BuildMultiTermQuery(
            field,
            includeKeywords: true,
            (indexField, normalized) => new WildcardQuery(new Term(indexField, normalized)),
            termStr);
    }

    protected override Query? GetFuzzyQuery(string field, string termStr, float minSimilarity)
    {
        var edits = ToEdits(minSimilarity, termStr.Length);
        return BuildMultiTermQuery(
            field,
            includeKeywords: false,
            (indexField, normalized) => new FuzzyQuery(new Term(indexField, normalized), edits, FuzzyPrefixLength),
            termStr);
    }

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        // The classic parser hands an open end ('*') over as null.
        part1 ??= "*";
        part2 ??= "*";
        var target = field == QueryFields.Any ? null : QueryFields.Resolve(field);
        return target?.Kind switch
        {
            QueryFieldKind.Date => InstantRanges.DateRange(field, part1, part2, startInclusive, endInclusive, context.Zone).ToQuery(target.IndexFields[0]),
            QueryFieldKind.DaysWaiting => InstantRanges.WaitingRange(field, part1, part2, startInclusive, endInclusive, context.Now).ToQuery(target.IndexFields[0]),
            _ => throw new InvalidSearchQueryException(
                $"Ranges such as [{part1} TO {part2}] work on received: (dates) and waiting: (days); to search for the words, put them in quotes."),
        };
    }

    protected override Query GetRegexpQuery(string field, string termStr) =>
        throw new InvalidSearchQueryException("Regular expressions (/.../) are not supported.");

    /// <summary>A group of only NOT clauses would match nothing in Lucene; a person means "everything except".</summary>
    protected override Query? GetBooleanQuery(IList<BooleanClause> clauses, bool disableCoord)
    {
        var query = base.GetBooleanQuery(clauses, disableCoord);
        if (query is BooleanQuery boolean && boolean.Clauses.Count > 0 && boolean.Clauses.All(clause => clause.IsProhibited))
        {
            boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return query;
    }

    private Query? BuildFieldQuery(string field, string queryText, int slop, bool quoted)
    {
        if (field == QueryFields.Any)
        {
            return BuildFreeQuery(queryText, slop, quoted);
        }

        var target = QueryFields.Resolve(field);
        switch (target.Kind)
        {
            case QueryFieldKind.Keyword:
                return new TermQuery(new Term(target.IndexFields[0], NormalizeKeyword(target, queryText)));
            case QueryFieldKind.Identifier:
                return Either(
                    new TermQuery(new Term(target.IndexFields[0], TermNormalizer.Lower(queryText))),
                    Analysed(target.IndexFields[1], queryText, slop));
            case QueryFieldKind.Date:
                return InstantRanges.Date(field, queryText, context.Zone).ToQuery(target.IndexFields[0]);
            case QueryFieldKind.DaysWaiting:
                return InstantRanges.Waiting(field, queryText, context.Now).ToQuery(target.IndexFields[0]);
            case QueryFieldKind.Alert:
                return AlertQuery(field, queryText, target.IndexFields[0]);
            default:
                return Either(target.IndexFields.Select(indexField => Analysed(indexField, queryText, slop)).ToArray());
        }
    }

    /// <summary>
    /// A free term in the text, the letter's other words, each language's stems and the identifiers. A quoted phrase
    /// is matched on the words as written (diacritics optional), not on stems: it asks for those words in that order,
    /// and phrase matching on three stem fields more would make every phrase several times slower.
    /// </summary>
    private Query? BuildFreeQuery(string queryText, int slop, bool quoted)
    {
        var clauses = new List<Query>();
        foreach (var (indexField, boost) in QueryFields.FreeTextFields)
        {
            if (quoted && QueryFields.IsStemField(indexField))
            {
                continue;
            }

            var analysed = quoted
                ? CreateFieldQuery(phraseAnalyzer, Occur.MUST, indexField, queryText, quoted: true, slop)
                : Analysed(indexField, queryText, slop);
            if (analysed is not null)
            {
                analysed.Boost = boost;
                clauses.Add(analysed);
            }
        }

        // Punctuation alone analyses to nothing; dropping it keeps "kettle / leaks" from matching nothing.
        if (clauses.Count == 0)
        {
            return null;
        }

        // A word no dictionary knows has no stem to meet its inflected forms at; they begin with it (Hungarian suffixes
        // are appended: megrendelés, megrendelésemet), so they are matched by their start, as another form of the word.
        if (!quoted && isUnknownWord(queryText))
        {
            clauses.Add(new PrefixQuery(new Term(IndexFields.Text, TermNormalizer.Fold(queryText))) { Boost = QueryFields.StemBoost });
        }

        var keyword = TermNormalizer.Lower(queryText);
        foreach (var indexField in QueryFields.FreeKeywordFields)
        {
            clauses.Add(new TermQuery(new Term(indexField, keyword)) { Boost = QueryFields.KeywordBoost });
        }

        return Either([.. clauses]);
    }

    private static Query? BuildMultiTermQuery(string field, bool includeKeywords, Func<string, string, Query> create, string termStr)
    {
        var clauses = new List<Query>();
        if (field == QueryFields.Any)
        {
            foreach (var (indexField, _) in QueryFields.FreeTextFields)
            {
                // Stems are not words as typed: a prefix or a misspelling is matched against the words themselves.
                if (!QueryFields.IsStemField(indexField))
                {
                    clauses.Add(create(indexField, TermNormalizer.Fold(termStr)));
                }
            }

            if (includeKeywords)
            {
                clauses.AddRange(QueryFields.FreeKeywordFields.Select(indexField => create(indexField, TermNormalizer.Lower(termStr))));
            }

            return Either([.. clauses]);
        }

        var target = QueryFields.Resolve(field);
        switch (target.Kind)
        {
            case QueryFieldKind.Keyword:
                return create(target.IndexFields[0], NormalizeKeyword(target, termStr));
            case QueryFieldKind.Identifier:
                return Either(
                    create(target.IndexFields[0], TermNormalizer.Lower(termStr)),
                    create(target.IndexFields[1], TermNormalizer.Fold(termStr)));
            case QueryFieldKind.Text:
                return create(target.IndexFields[0], TermNormalizer.Fold(termStr));
            default:
                throw new InvalidSearchQueryException(
                    $"'{field}:' takes a value such as {Example(target.Kind, field)}, not a pattern with '*', '?' or '~'.");
        }
    }

    private Query? Analysed(string indexField, string queryText, int slop) =>
        CreateFieldQuery(Analyzer, Occur.MUST, indexField, queryText, quoted: true, slop);

    private NumericRangeQuery<long> AlertQuery(string field, string value, string indexField)
    {
        var now = context.Now.UtcTicks;
        return TermNormalizer.Lower(value) switch
        {
            "due" => NumericRangeQuery.NewInt64Range(indexField, null, now, minInclusive: true, maxInclusive: true),
            "scheduled" => NumericRangeQuery.NewInt64Range(indexField, now, null, minInclusive: false, maxInclusive: true),
            "any" => NumericRangeQuery.NewInt64Range(indexField, null, null, minInclusive: true, maxInclusive: true),
            _ => throw new InvalidSearchQueryException(
                $"'{field}:{value}' is not known; use {field}:due (an alert has fallen due), {field}:scheduled (one will) or {field}:any."),
        };
    }

    private static string Example(QueryFieldKind kind, string field) => kind switch
    {
        QueryFieldKind.Date => $"{field}:2026-10-01 or {field}:[2026-10-01 TO 2026-10-31]",
        QueryFieldKind.DaysWaiting => $"{field}:>7",
        QueryFieldKind.Alert => $"{field}:due",
        _ => $"{field}:value",
    };

    /// <summary>Status and category are hyphenated words; accept "pending on company" and "pending_on_company" too.</summary>
    private static string NormalizeKeyword(QueryField field, string value)
    {
        var lower = TermNormalizer.Lower(value);
        if (field.IndexFields[0] is IndexFields.Status or IndexFields.Category)
        {
            lower = string.Join('-', lower.Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }

        return lower;
    }

    /// <summary>
    /// <c>word~</c> allows two edits, <c>word~1</c> one (the old 0..1 similarity form is still accepted), but never more
    /// than the word's length warrants: one edit up to five letters, none up to two, as search engines do, because two
    /// edits in a short word match half the dictionary.
    /// </summary>
    private static int ToEdits(float minSimilarity, int termLength)
    {
        var requested = minSimilarity >= 1
            ? (int)minSimilarity
            : minSimilarity <= 0 ? 0 : (int)((1 - minSimilarity) * termLength);
        var sensible = termLength <= 2 ? 0 : termLength <= 5 ? 1 : LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE;
        return Math.Min(requested, sensible);
    }

    private static Query? Either(params Query?[] alternatives)
    {
        var present = alternatives.Where(query => query is not null).ToArray();
        if (present.Length <= 1)
        {
            return present.FirstOrDefault();
        }

        var boolean = new BooleanQuery(disableCoord: true);
        foreach (var query in present)
        {
            boolean.Add(query, Occur.SHOULD);
        }

        return boolean;
    }
}
