using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Store.Registration;

/// <summary>
/// A registration number pattern such as <c>C-{year}-{sequence:000000}</c>. Tokens: <c>{year}</c> and
/// <c>{sequence}</c>, each with an optional .NET numeric format after a colon, and optionally one <c>{check}</c>: a
/// check character (ISO 7064 MOD 11-2, <c>0</c>-<c>9</c> or <c>X</c>) over the year's and sequence's digits, so a
/// number mistyped in a reply's subject (one wrong digit, two swapped) is not taken for another case's.
/// </summary>
public sealed partial class RegistrationNumberFormat
{
    public const string Example = "C-{year}-{sequence:000000}";
    private const string YearToken = "year";
    private const string SequenceToken = "sequence";
    private const string CheckToken = "check";

    private readonly string _pattern;
    private readonly Regex _quoted;

    private RegistrationNumberFormat(string pattern)
    {
        _pattern = pattern;
        HasYear = TokenPattern().Matches(pattern).Any(m => IsToken(m, YearToken));
        HasCheck = TokenPattern().Matches(pattern).Any(m => IsToken(m, CheckToken));
        _quoted = QuotedNumberPattern(pattern);
    }

    /// <summary>Whether numbers end in (or carry) a check character that <see cref="FindIn"/> verifies.</summary>
    public bool HasCheck { get; }

    /// <summary>Whether numbers carry the year, so the sequence restarts every year. Without it one sequence runs forever.</summary>
    public bool HasYear { get; }

    /// <summary>Parses a pattern.</summary>
    /// <exception cref="ArgumentException">The pattern is invalid; the message lists the problems.</exception>
    public static RegistrationNumberFormat Parse(string pattern)
    {
        var errors = Validate(pattern, "pattern").ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(pattern));
        }

        return new RegistrationNumberFormat(pattern);
    }

    /// <summary>The counter a number is drawn from: the year when numbers carry it, otherwise one for all time.</summary>
    public string ScopeFor(int year) => HasYear ? year.ToString("0000", CultureInfo.InvariantCulture) : "all";

    /// <summary>Formats the number for <paramref name="year"/> and <paramref name="sequence"/>.</summary>
    public string Format(int year, int sequence) => Render(_pattern, year, sequence);

    /// <summary>
    /// The registration numbers of this format quoted in <paramref name="text"/> (a reply's subject, a letter's
    /// text), in order of appearance, without duplicates, normalised to upper case.
    /// </summary>
    public IEnumerable<string> FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _quoted.Matches(text)
            .Where(m => !HasCheck || m.Groups["check"].Value.ToUpperInvariant()[0] == CheckCharacter(m.Groups["digits"].Captures.Select(c => c.Value)))
            .Select(m => m.Value.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>Checks a pattern, returning one message per problem.</summary>
    public static IEnumerable<string> Validate(string? pattern, string key)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            yield return $"{key} is empty; set it to a pattern such as {Example}.";
            yield break;
        }

        var tokens = TokenPattern().Matches(pattern);
        if (!tokens.Any(m => IsToken(m, SequenceToken)))
        {
            yield return $"{key} must contain {{sequence}}, e.g. {Example}.";
        }

        foreach (Match token in tokens)
        {
            if (!IsToken(token, YearToken) && !IsToken(token, SequenceToken) && !IsToken(token, CheckToken))
            {
                yield return $"{key} has an unknown token {token.Value}; use only {{year}}, {{sequence[:format]}} and {{check}}, e.g. {Example}.";
            }
            else if (IsToken(token, CheckToken) && token.Groups["format"].Success)
            {
                yield return $"{key} has {token.Value}; the check character takes no format: write {{check}}.";
            }
        }

        if (tokens.Count(m => IsToken(m, CheckToken)) > 1)
        {
            yield return $"{key} has more than one {{check}}; a number carries one check character, e.g. C-{{year}}-{{sequence:000000}}-{{check}}.";
        }

        var literal = TokenPattern().Replace(pattern, "");
        if (literal.Contains('{', StringComparison.Ordinal) || literal.Contains('}', StringComparison.Ordinal))
        {
            yield return $"{key} has an unmatched brace; write tokens as {{year}} or {{sequence:000000}}, e.g. {Example}.";
            yield break;
        }

        string sample;
        try
        {
            sample = Render(pattern, 2026, 1);
        }
        catch (FormatException)
        {
            sample = "";
        }

        if (sample.Length == 0)
        {
            yield return $"{key} has a numeric format .NET cannot apply; use digits such as {{sequence:000000}}, e.g. {Example}.";
        }
        else if (sample.Trim() != sample || sample.Any(c => char.IsControl(c) || "<>:\"/\\|?*".Contains(c, StringComparison.Ordinal)))
        {
            yield return $"{key} must not contain path separators, control characters, <>:\"|?* or leading/trailing spaces, because the number also names the case folder, e.g. {Example}.";
        }
    }

    private static string Render(string pattern, int year, int sequence)
    {
        var builder = new StringBuilder();
        var numbers = new List<string>();
        var checkAt = -1;
        var last = 0;
        foreach (Match token in TokenPattern().Matches(pattern))
        {
            builder.Append(pattern, last, token.Index - last);
            if (IsToken(token, CheckToken))
            {
                checkAt = builder.Length;
            }
            else
            {
                var format = token.Groups["format"].Success ? token.Groups["format"].Value : null;
                var value = (IsToken(token, YearToken) ? year : sequence).ToString(format, CultureInfo.InvariantCulture);
                numbers.Add(value);
                builder.Append(value);
            }

            last = token.Index + token.Length;
        }

        builder.Append(pattern, last, pattern.Length - last);
        if (checkAt >= 0)
        {
            builder.Insert(checkAt, CheckCharacter(numbers));
        }

        return builder.ToString();
    }

    /// <summary>ISO 7064 MOD 11-2 over the digits of the numbers, in order: <c>0</c>-<c>9</c> or <c>X</c>.</summary>
    private static char CheckCharacter(IEnumerable<string> numbers)
    {
        var sum = 0;
        foreach (var digit in numbers.SelectMany(number => number).Where(char.IsAsciiDigit))
        {
            sum = ((sum + digit - '0') * 2) % 11;
        }

        var check = (12 - sum) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>A regex for numbers of <paramref name="pattern"/>: literals as written (any case), numbers as digits.</summary>
    private static Regex QuotedNumberPattern(string pattern)
    {
        var regex = new StringBuilder(@"(?<![\p{L}\p{N}])");
        var last = 0;
        foreach (Match token in TokenPattern().Matches(pattern))
        {
            regex.Append(Regex.Escape(pattern[last..token.Index]));
            var format = token.Groups["format"].Value;
            var minimumDigits = Math.Max(1, format.Count(c => c == '0'));
            regex.Append(
                IsToken(token, CheckToken) ? "(?<check>[0-9X])"
                : IsToken(token, YearToken) && format.Length == 0 ? @"(?<digits>\d{4})"
                : $@"(?<digits>\d{{{minimumDigits},}})");
            last = token.Index + token.Length;
        }

        regex.Append(Regex.Escape(pattern[last..])).Append(@"(?![\p{L}\p{N}])");
        return new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool IsToken(Match match, string name) =>
        string.Equals(match.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(?::(?<format>[^{}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
