using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// <summary>Turns a clerk's query into a Lucene query, or into an <see cref="InvalidSearchQueryException"/> a person can act on.</summary>
internal sealed partial class SearchQueryCompiler
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "&&", "||", "!" };

    private readonly Analyzer analyzer;
    private readonly Analyzer phraseAnalyzer;
    private readonly Func<string, bool> isUnknownWord;

    /// <param name="analyzer">The analyzer of every field.</param>
    /// <param name="phraseAnalyzer">The analyzer of a quoted phrase in the text (see <see cref="ArchiveQueryParser"/>).</param>
    /// <param name="isUnknownWord">Whether no dictionary knows a word, so its inflected forms are found by their start.</param>
    public SearchQueryCompiler(Analyzer analyzer, Analyzer phraseAnalyzer, Func<string, bool> isUnknownWord)
    {
        this.analyzer = analyzer;
        this.phraseAnalyzer = phraseAnalyzer;
        this.isUnknownWord = isUnknownWord;
    }

    /// <exception cref="InvalidSearchQueryException">The query is empty or malformed.</exception>
    public Query Compile(string query, QueryContext context)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new InvalidSearchQueryException("The query is empty: type at least one word to search for.");
        }

        var prepared = QueryPreprocessor.Prepare(query);
        var parser = new ArchiveQueryParser(analyzer, phraseAnalyzer, context, isUnknownWord);
        Query? parsed;
        try
        {
            parsed = parser.Parse(prepared.Query);
        }
        catch (ParseException exception)
        {
            throw Translate(exception, prepared);
        }

        if (parsed is null || parsed is BooleanQuery { Clauses.Count: 0 })
        {
            throw new InvalidSearchQueryException(
                "The query has nothing to search for: use letters or digits, not only punctuation.");
        }

        return parsed;
    }

    private static InvalidSearchQueryException Translate(ParseException wrapper, QueryPreprocessor.Result prepared)
    {
        // Parse wraps the parser's own exception; the inner one still knows the offending token.
        var inner = wrapper.InnerException;
        if (inner is BooleanQuery.TooManyClausesException)
        {
            return TooManyClauses(wrapper);
        }

        if (inner is ParseException { CurrentToken: { } current } && current.Next is { } next)
        {
            if (next.Kind == RegexpToken.EOF)
            {
                var last = current.Image;
                return new InvalidSearchQueryException(
                    Operators.Contains(last)
                        ? $"The query ends with '{last}': add a search term after it."
                        : $"The query ends too early after '{last}'.",
                    wrapper);
            }

            var column = prepared.ToOriginalColumn(next.BeginColumn);
            var message = Operators.Contains(next.Image)
                ? $"'{next.Image}' at position {column} needs a search term on each side."
                : $"Unexpected '{next.Image}' at position {column}.";
            return new InvalidSearchQueryException(message, wrapper) { Position = column };
        }

        var lexical = LexicalColumn().Match(wrapper.Message);
        if (lexical.Success)
        {
            var column = prepared.ToOriginalColumn(int.Parse(lexical.Groups[1].Value, CultureInfo.InvariantCulture) - 1);
            return new InvalidSearchQueryException(
                $"The query cannot be read near position {column}; a trailing '\\' or a stray special character may need quotes.",
                wrapper)
            { Position = column };
        }

        return new InvalidSearchQueryException("The query cannot be read; check quotes, parentheses and operators.", wrapper);
    }

    internal static InvalidSearchQueryException TooManyClauses(Exception cause) =>
        new("The query expands to too many terms (a very short prefix such as 'a*' or a very long query); make it more specific.", cause);

    [GeneratedRegex(@"column (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex LexicalColumn();
}
