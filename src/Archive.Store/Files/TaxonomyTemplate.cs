using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Store.Cases;

namespace Archive.Store.Files;

/// <summary>
/// The folder layout of the archive, e.g. <c>{category}/{year}/{month}/{registration}</c>, filled with the
/// company's category folder names. Every token value is sanitised into a safe path segment.
/// </summary>
internal sealed partial class TaxonomyTemplate
{
    public const string CategoryToken = "category";
    public const string YearToken = "year";
    public const string MonthToken = "month";
    public const string DayToken = "day";
    public const string RegistrationToken = "registration";

    private static readonly string[] KnownTokens = [CategoryToken, YearToken, MonthToken, DayToken, RegistrationToken];

    private readonly string[] _segments;
    private readonly IReadOnlyDictionary<CaseCategory, string> _categoryFolders;

    private TaxonomyTemplate(string[] segments, IReadOnlyDictionary<CaseCategory, string> categoryFolders)
    {
        _segments = segments;
        _categoryFolders = categoryFolders;
    }

    /// <summary>Creates the template from validated options.</summary>
    public static TaxonomyTemplate Create(string template, IReadOnlyDictionary<CaseCategory, string> categoryFolders) =>
        new(SplitSegments(template), categoryFolders);

    /// <summary>The case folder, relative to the archive root, with <c>/</c> separators.</summary>
    public string Build(CaseCategory category, DateTimeOffset localDate, string registrationNumber)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [CategoryToken] = _categoryFolders.TryGetValue(category, out var folder) ? folder : category.ToString(),
            [YearToken] = localDate.Year.ToString("0000", CultureInfo.InvariantCulture),
            [MonthToken] = localDate.Month.ToString("00", CultureInfo.InvariantCulture),
            [DayToken] = localDate.Day.ToString("00", CultureInfo.InvariantCulture),
            [RegistrationToken] = registrationNumber,
        };

        var segments = _segments.Select(segment =>
            PathSegment.Sanitize(TokenPattern().Replace(segment, match => PathSegment.CleanCharacters(values[match.Groups["name"].Value])), "_"));
        return string.Join('/', segments);
    }

    /// <summary>Checks a template, returning one message per problem.</summary>
    public static IEnumerable<string> Validate(string? template, string key)
    {
        const string Example = "{category}/{year}/{month}/{registration}";
        if (string.IsNullOrWhiteSpace(template))
        {
            yield return $"{key} is empty; set it to a folder pattern such as {Example}.";
            yield break;
        }

        foreach (Match match in TokenPattern().Matches(template))
        {
            if (!KnownTokens.Contains(match.Groups["name"].Value, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{key} has an unknown token {match.Value}; use only {{category}}, {{year}}, {{month}}, {{day}} and {{registration}}, e.g. {Example}.";
            }
        }

        if (!TokenPattern().Matches(template).Any(m => string.Equals(m.Groups["name"].Value, RegistrationToken, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{key} must contain {{registration}} so that every case gets its own folder, e.g. {Example}.";
        }

        if (Path.IsPathRooted(template) || template.StartsWith('/') || template.StartsWith('\\'))
        {
            yield return $"{key} must be a relative path below Archive:RootDirectory, e.g. {Example}.";
        }

        if (template.Split('/', '\\').Any(segment => segment.Trim() is "." or ".."))
        {
            yield return $"{key} must not contain '.' or '..' segments; the archive never leaves Archive:RootDirectory.";
        }
    }

    private static string[] SplitSegments(string template) =>
        template.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
