using System.Globalization;
using System.Text;

namespace Capture.Web.Pages;

/// <summary>
/// The search page's filter widgets (<c>?email=&amp;name=&amp;status=&amp;category=&amp;lang=&amp;handler=&amp;waiting=&amp;alert=&amp;from=&amp;to=</c>),
/// each one field of the query language. They are composed with the free query into one query, every typed value in
/// quotes with its quotes and backslashes escaped, so what a person types in a box can never change the query's shape.
/// </summary>
internal sealed record SearchFilters
{
    public static IReadOnlyList<string> Categories { get; } = ["complaint", "suggestion", "thanks", "unclassified"];

    public static IReadOnlyList<string> Languages { get; } = ["pl", "hu", "en"];

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Status { get; set; }

    public string? Category { get; set; }

    public string? Lang { get; set; }

    public string? Handler { get; set; }

    /// <summary>More than this many whole days waiting.</summary>
    public string? Waiting { get; set; }

    /// <summary><c>due</c> for cases with an alert due.</summary>
    public string? Alert { get; set; }

    /// <summary>Received on or after this day (<c>yyyy-MM-dd</c>).</summary>
    public string? From { get; set; }

    /// <summary>Received on or before this day (<c>yyyy-MM-dd</c>).</summary>
    public string? To { get; set; }

    /// <summary>
    /// The free query and the filters as one query; null when both are empty, or the message naming the filter that is
    /// not valid. The free query is put in parentheses so its own <c>OR</c> cannot swallow a filter.
    /// </summary>
    public (string? Query, string? Problem) Compose(string? freeQuery)
    {
        var parts = new List<string>();
        AddQuoted(parts, "email", Email);
        AddQuoted(parts, "name", Name);
        AddQuoted(parts, "handler", Handler);
        if (Blank(Status) is { } status)
        {
            if (!ArchiveWords.Statuses.ContainsKey(status))
            {
                return (null, $"The status must be one of {string.Join(", ", ArchiveWords.Statuses.Keys)}, not '{status}'.");
            }

            parts.Add("status:" + Quote(status));
        }

        if (Blank(Category) is { } category)
        {
            if (!Categories.Contains(category, StringComparer.OrdinalIgnoreCase))
            {
                return (null, $"The category must be one of {string.Join(", ", Categories)}, not '{category}'.");
            }

            parts.Add("category:" + Quote(category));
        }

        AddQuoted(parts, "lang", Lang);
        if (Blank(Waiting) is { } waiting)
        {
            if (!int.TryParse(waiting, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                return (null, $"Days waiting must be a whole number of days, not '{waiting}'.");
            }

            parts.Add(string.Create(CultureInfo.InvariantCulture, $"waiting:>{days}"));
        }

        if (Blank(Alert) is { } alert)
        {
            if (!string.Equals(alert, "due", StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"The alert filter is 'due', not '{alert}'.");
            }

            parts.Add("alert:due");
        }

        var (from, fromProblem) = Day("from", From);
        var (to, toProblem) = Day("to", To);
        if ((fromProblem ?? toProblem) is { } problem)
        {
            return (null, problem);
        }

        if (from is not null || to is not null)
        {
            parts.Add($"received:[{from ?? "*"} TO {to ?? "*"}]");
        }

        var free = Blank(freeQuery);
        if (parts.Count == 0)
        {
            return (free, null);
        }

        return (free is null ? string.Join(" AND ", parts) : $"({free}) AND {string.Join(" AND ", parts)}", null);
    }

    /// <summary>The filters as query-string parameters (<c>&amp;email=…</c>), for links that must keep them.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        foreach (var (name, value) in Fields())
        {
            if (Blank(value) is { } given)
            {
                query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(given));
            }
        }

        return query.ToString();
    }

    private IEnumerable<(string Name, string? Value)> Fields() =>
    [
        ("email", Email), ("name", Name), ("status", Status), ("category", Category), ("lang", Lang),
        ("handler", Handler), ("waiting", Waiting), ("alert", Alert), ("from", From), ("to", To),
    ];

    /// <summary>A value in the query language's quotes: inside them only a quote or a backslash needs escaping.</summary>
    internal static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void AddQuoted(List<string> parts, string field, string? value)
    {
        if (Blank(value) is { } given)
        {
            parts.Add(field + ":" + Quote(given));
        }
    }

    private static (string? Day, string? Problem) Day(string name, string? value) => Blank(value) is not { } given
        ? (null, null)
        : DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            : (null, $"The '{name}' date must be written yyyy-MM-dd, not '{given}'.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
