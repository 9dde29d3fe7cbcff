using System.Text;

namespace Archive.Search.Querying;

/// <summary>
/// Prepares a clerk's query for the classic parser: checks quotes and parentheses (so the error can say
/// where), escapes <c>/</c> so reference numbers like <c>ZAM/2026/04512</c> stay one term instead of
/// starting a regular expression, and drops a <c>-</c> or <c>+</c> standing alone between words.
/// </summary>
internal static class QueryPreprocessor
{
    /// <summary>The rewritten query and, for each of its characters, the 0-based position in the original.</summary>
    public sealed record Result(string Query, int[] OriginalPositions)
    {
        /// <summary>Maps a 0-based position in the rewritten query back to a 1-based position in the original.</summary>
        public int ToOriginalColumn(int rewrittenIndex)
        {
            if (OriginalPositions.Length == 0)
            {
                return 1;
            }

            var index = Math.Clamp(rewrittenIndex, 0, OriginalPositions.Length - 1);
            return OriginalPositions[index] + 1;
        }
    }

    /// <exception cref="InvalidSearchQueryException">A quote or parenthesis is unbalanced.</exception>
    public static Result Prepare(string query)
    {
        var builder = new StringBuilder(query.Length + 8);
        var positions = new List<int>(query.Length + 8);
        var openParentheses = new Stack<int>();
        var quoteStart = -1;

        void Emit(char c, int originalIndex)
        {
            builder.Append(c);
            positions.Add(originalIndex);
        }

        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '\\' && i + 1 < query.Length)
            {
                Emit(c, i);
                Emit(query[++i], i);
                continue;
            }

            if (quoteStart >= 0)
            {
                if (c == '"')
                {
                    quoteStart = -1;
                }

                Emit(c, i);
                continue;
            }

            switch (c)
            {
                case '"':
                    quoteStart = i;
                    Emit(c, i);
                    break;
                case '(':
                    openParentheses.Push(i);
                    Emit(c, i);
                    break;
                case ')':
                    if (openParentheses.Count == 0)
                    {
                        throw Invalid($"Closing parenthesis at position {i + 1} has no opening one.", i);
                    }

                    openParentheses.Pop();
                    Emit(c, i);
                    break;
                case '/':
                    Emit('\\', i);
                    Emit(c, i);
                    break;
                case '-' or '+' when StandsAlone(query, i):
                    Emit(' ', i);
                    break;
                default:
                    Emit(c, i);
                    break;
            }
        }

        if (quoteStart >= 0)
        {
            throw Invalid($"Unbalanced quote at position {quoteStart + 1}: the phrase it starts is never closed.", quoteStart);
        }

        if (openParentheses.Count > 0)
        {
            var position = openParentheses.Last();
            throw Invalid($"Parenthesis opened at position {position + 1} is never closed.", position);
        }

        return new Result(builder.ToString(), [.. positions]);
    }

    private static bool StandsAlone(string query, int index) =>
        (index == 0 || char.IsWhiteSpace(query[index - 1])) &&
        (index == query.Length - 1 || char.IsWhiteSpace(query[index + 1]));

    private static InvalidSearchQueryException Invalid(string message, int index) =>
        new(message) { Position = index + 1 };
}
