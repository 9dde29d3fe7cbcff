using Archive.Search.Analysis;
using Archive.Search.Indexing;
using Archive.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util.Automaton;

namespace Archive.Search.Snippets;

/// <summary>
/// Decides whether a folded token of the body text is one the query matched: the terms, prefixes,
/// wildcards and fuzzy terms the query asks of the text fields, skipping NOT clauses.
/// </summary>
internal sealed class SnippetTermMatcher
{
    private readonly HashSet<string> terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> stemsByField = new(StringComparer.Ordinal);
    private readonly List<string> prefixes = [];
    private readonly List<Func<string, bool>> patterns = [];

    private SnippetTermMatcher()
    {
    }

    public bool IsEmpty => terms.Count == 0 && prefixes.Count == 0 && patterns.Count == 0 && stemsByField.Count == 0;

    public static SnippetTermMatcher From(Query query)
    {
        var matcher = new SnippetTermMatcher();
        matcher.Collect(query);
        return matcher;
    }

    public bool Matches(ReadOnlySpan<char> foldedToken)
    {
        if (terms.Count > 0 && terms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(foldedToken))
        {
            return true;
        }

        foreach (var prefix in prefixes)
        {
            if (foldedToken.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (patterns.Count == 0)
        {
            return false;
        }

        var token = foldedToken.ToString();
        return patterns.Exists(pattern => pattern(token));
    }

    /// <summary>The stems the query asks of one language's stemmed field, or null when it asks none.</summary>
    public IReadOnlySet<string>? StemsOf(string stemField) => stemsByField.GetValueOrDefault(stemField);

    private static bool IsTextField(Term term) => term.Field is IndexFields.Text;

    private void Collect(Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(clause => !clause.IsProhibited))
                {
                    Collect(clause.Query);
                }

                break;
            case DisjunctionMaxQuery disjunction:
                foreach (var disjunct in disjunction.Disjuncts)
                {
                    Collect(disjunct);
                }

                break;
            case ConstantScoreQuery { Query: { } inner }:
                Collect(inner);
                break;
            case TermQuery termQuery:
                AddTerm(termQuery.Term);
                break;
            case PhraseQuery phrase:
                foreach (var term in phrase.GetTerms())
                {
                    AddTerm(term);
                }

                break;
            case MultiPhraseQuery multiPhrase:
                foreach (var term in multiPhrase.GetTermArrays().SelectMany(array => array))
                {
                    AddTerm(term);
                }

                break;
            case PrefixQuery prefix when IsTextField(prefix.Prefix):
                prefixes.Add(TermNormalizer.Fold(prefix.Prefix.Text));
                break;
            case WildcardQuery wildcard when IsTextField(wildcard.Term):
                var wildcardAutomaton = new CharacterRunAutomaton(
                    WildcardQuery.ToAutomaton(new Term(wildcard.Term.Field, TermNormalizer.Fold(wildcard.Term.Text))));
                patterns.Add(wildcardAutomaton.Run);
                break;
            case FuzzyQuery fuzzy when IsTextField(fuzzy.Term):
                patterns.Add(FuzzyPattern(fuzzy));
                break;
        }
    }

    private void AddTerm(Term term)
    {
        if (IsTextField(term))
        {
            terms.Add(TermNormalizer.Fold(term.Text));
        }
        else if (QueryFields.IsStemField(term.Field))
        {
            if (!stemsByField.TryGetValue(term.Field, out var stems))
            {
                stems = new HashSet<string>(StringComparer.Ordinal);
                stemsByField.Add(term.Field, stems);
            }

            stems.Add(term.Text);
        }
    }

    private static Func<string, bool> FuzzyPattern(FuzzyQuery fuzzy)
    {
        var text = TermNormalizer.Fold(fuzzy.Term.Text);
        var prefixLength = Math.Min(fuzzy.PrefixLength, text.Length);
        var prefix = text[..prefixLength];
        var rest = new CharacterRunAutomaton(
            new LevenshteinAutomata(text[prefixLength..], fuzzy.Transpositions).ToAutomaton(fuzzy.MaxEdits));
        return token => token.StartsWith(prefix, StringComparison.Ordinal) && rest.Run(token[prefixLength..]);
    }
}
