using System.Globalization;
using Archive.Store.Cases;
using Capture.Web.Cases;

namespace Capture.Worker.Notifications.Replies;

/// <summary>
/// The reply templates, one Liquid file per category and language (<c>complaint.pl.liquid</c>, laid out as
/// <see cref="LiquidMailTemplate"/> says). The built-in ones (complaint, suggestion and thanks in Polish, Hungarian and
/// English) are <c>samples/templates/replies</c>, shipped in <c>templates/replies</c> beside the program; a file of the
/// same name in <see cref="ReplyOptions.TemplateDirectory"/> replaces one, a new name adds one. All are parsed and
/// tried at start, so a broken one stops start-up with its file and Fluid's error. Thread-safe once loaded.
/// </summary>
/// <remarks>
/// Variables: those of every mail template (<c>registration_number</c>, <c>customer_name</c>, <c>received_date</c>,
/// <c>received_at</c>, <c>category</c>, <c>subject</c>), and <c>company_name</c> and <c>handler_name</c> (the person
/// writing the reply).
/// </remarks>
internal sealed class ReplyTemplates
{
    /// <summary>The folder of the built-in templates.</summary>
    public static readonly string BuiltInDirectory = Path.Combine(AppContext.BaseDirectory, "templates", "replies");

    private const string Extension = ".liquid";

    private static readonly string[] Categories = ["complaint", "suggestion", "thanks", "unclassified"];

    private readonly IReadOnlyDictionary<string, LiquidMailTemplate> _templates;
    private readonly ReplyOptions _options;

    private ReplyTemplates(IReadOnlyDictionary<string, LiquidMailTemplate> templates, ReplyOptions options)
    {
        _templates = templates;
        _options = options;
        Infos = [.. templates.Keys
            .Select(name => name.Split('.'))
            .OrderBy(parts => Array.IndexOf(Categories, parts[0]))
            .ThenBy(parts => parts[1], StringComparer.Ordinal)
            .Select(parts => new ReplyTemplateInfo($"{parts[0]}.{parts[1]}", parts[0], parts[1]))];
    }

    /// <summary>The templates there are.</summary>
    public IReadOnlyList<ReplyTemplateInfo> Infos { get; }

    /// <summary>Reads, parses and tries every template.</summary>
    /// <exception cref="InvalidOperationException">A template is broken or misnamed; the message names each file and the problem.</exception>
    public static ReplyTemplates Load(ReplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (templates, problems) = Read(options);
        return problems.Count == 0 ? new ReplyTemplates(templates, options) : throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>The problems with the templates <paramref name="options"/> name, each naming the file and the fix.</summary>
    public static IReadOnlyList<string> Problems(ReplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Read(options).Problems;
    }

    /// <summary>The template for a case: its category in its language, else in the default language; null when neither exists.</summary>
    public string? DefaultFor(CaseCategory category, string? language)
    {
        var word = category.ToString().ToLowerInvariant();
        return new[] { language?.Trim().ToLowerInvariant(), _options.DefaultLanguage.Trim().ToLowerInvariant() }
            .Select(l => $"{word}.{l}")
            .FirstOrDefault(_templates.ContainsKey);
    }

    /// <summary>Writes the template <paramref name="name"/> for <paramref name="values"/> (the company name is added).</summary>
    /// <exception cref="ArgumentException">There is no template of that name; the message names the ones there are.</exception>
    /// <exception cref="InvalidOperationException">The template failed while rendering.</exception>
    public MailText Render(string name, MailTemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!_templates.TryGetValue(name.Trim().ToLowerInvariant(), out var template))
        {
            throw new ArgumentException($"There is no reply template '{name}'; there are {string.Join(", ", Infos.Select(i => i.Name))}.", nameof(name));
        }

        var extra = new Dictionary<string, string>(values.Extra, StringComparer.Ordinal) { ["company_name"] = _options.CompanyName.Trim() };
        return template.Render(values with { Extra = extra });
    }

    private static (Dictionary<string, LiquidMailTemplate> Templates, List<string> Problems) Read(ReplyOptions options)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var directory in new[] { BuiltInDirectory, options.TemplateDirectory })
        {
            if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
            {
                var name = Path.GetFileName(path)[..^Extension.Length].ToLowerInvariant();
                var parts = name.Split('.');
                if (parts.Length != 2 || !Categories.Contains(parts[0]) || parts[1].Length != 2)
                {
                    problems.Add($"The reply template {path} is not named <category>.<language>{Extension} (category one of {string.Join(", ", Categories)}, a two-letter language), e.g. complaint.pl{Extension}.");
                    continue;
                }

                files[name] = path;
            }
        }

        var sample = new MailTemplateValues(
            "C-2026-000123", "Anna Nowak", new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero), "Complaint", "Uszkodzona przesyłka",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["company_name"] = "Shop", ["handler_name"] = "Ewa Zielińska" });
        var templates = new Dictionary<string, LiquidMailTemplate>(StringComparer.Ordinal);
        foreach (var (name, path) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (LiquidMailTemplate.Parse("reply template", name.Split('.')[1], path, sample, out var problem) is { } template)
            {
                templates[name] = template;
            }
            else
            {
                problems.Add(problem!);
            }
        }

        if (files.Count == 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"There are no reply templates in {BuiltInDirectory}{(string.IsNullOrWhiteSpace(options.TemplateDirectory) ? "" : " or " + options.TemplateDirectory)}; reinstall Capture or set {ReplyOptions.SectionName}:{nameof(ReplyOptions.TemplateDirectory)} to a folder of <category>.<language>{Extension} files."));
        }

        return (templates, problems);
    }
}
