namespace Capture.Worker.Notifications.Acknowledgements;

/// <summary>
/// The acknowledgement templates, one Liquid file per language (<c>acknowledgement.pl.liquid</c>): its first line is
/// the subject, then one empty line, then the plain-text body. The built-in Polish, Hungarian and English ones ship in
/// <c>templates/acknowledgements</c> beside the program; a file of the same name in
/// <see cref="AcknowledgementOptions.TemplateDirectory"/> replaces one, a new language code adds one. All are parsed
/// and tried once at start, so a broken template stops start-up with its file and Fluid's error instead of failing
/// on a customer's case. Thread-safe once loaded.
/// </summary>
/// <remarks>
/// Variables: <c>registration_number</c>, <c>customer_name</c> (may be empty), <c>received_date</c> (the day the
/// letter arrived, written the language's way), <c>received_at</c> (a date for Liquid's <c>date</c> filter),
/// <c>category</c> (<c>Complaint</c>, <c>Suggestion</c>, <c>Thanks</c> or <c>Unclassified</c>), <c>subject</c> (the
/// customer's own subject; may be empty), <c>company_name</c> and <c>signature</c>. The subject always carries the
/// registration number, so a reply joins its case by subject even where the mail program drops the references:
/// when a template's subject does not write it, <c>[number] </c> is put in front.
/// </remarks>
public sealed class AcknowledgementTemplates
{
    /// <summary>The folder of the built-in templates.</summary>
    public static readonly string BuiltInDirectory = Path.Combine(AppContext.BaseDirectory, "templates", "acknowledgements");

    private const string Prefix = "acknowledgement.";
    private const string Extension = ".liquid";

    private static readonly MailTemplateValues Sample = new(
        "C-2026-000123", "Anna Nowak", new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero), "Complaint", "Uszkodzona przesyłka", Variables("Shop", "Obsługa klienta"));

    private readonly IReadOnlyDictionary<string, LiquidMailTemplate> _templates;
    private readonly string _defaultLanguage;
    private readonly string _companyName;
    private readonly string _signature;

    private AcknowledgementTemplates(IReadOnlyDictionary<string, LiquidMailTemplate> templates, AcknowledgementOptions options)
    {
        _templates = templates;
        _defaultLanguage = options.DefaultLanguage.Trim().ToLowerInvariant();
        _companyName = options.CompanyName.Trim();
        _signature = options.Signature.Trim();
    }

    /// <summary>The languages that have a template.</summary>
    public IReadOnlyCollection<string> Languages => [.. _templates.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Reads, parses and tries every template.</summary>
    /// <exception cref="InvalidOperationException">A template is missing or broken; the message names each file and the error.</exception>
    public static AcknowledgementTemplates Load(AcknowledgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (templates, problems) = Read(options);
        return problems.Count == 0
            ? new AcknowledgementTemplates(templates, options)
            : throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>The problems with the templates <paramref name="options"/> name, each naming the file and the fix.</summary>
    public static IReadOnlyList<string> Problems(AcknowledgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Read(options).Problems;
    }

    /// <summary>The template language for a case in <paramref name="caseLanguage"/>: its own when there is a template, else the default.</summary>
    public string LanguageFor(string? caseLanguage) =>
        caseLanguage?.Trim().ToLowerInvariant() is { Length: > 0 } language && _templates.ContainsKey(language) ? language : _defaultLanguage;

    /// <summary>Writes the acknowledgement of <paramref name="model"/> in <paramref name="language"/>.</summary>
    /// <exception cref="KeyNotFoundException">No template has that language (use <see cref="LanguageFor"/>).</exception>
    /// <exception cref="InvalidOperationException">The template failed while rendering (e.g. it exceeded Fluid's limits).</exception>
    public AcknowledgementText Render(string language, AcknowledgementModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = _templates[language].Render(new MailTemplateValues(
            model.RegistrationNumber, model.CustomerName, model.ReceivedAt, model.Category, model.Subject, Variables(_companyName, _signature)));
        return new AcknowledgementText(text.Subject, text.Body);
    }

    private static Dictionary<string, string> Variables(string companyName, string signature) =>
        new(StringComparer.Ordinal) { ["company_name"] = companyName, ["signature"] = signature };

    private static (Dictionary<string, LiquidMailTemplate> Templates, List<string> Problems) Read(AcknowledgementOptions options)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in new[] { BuiltInDirectory, options.TemplateDirectory })
        {
            if (!string.IsNullOrWhiteSpace(directory) && Directory.Exists(directory))
            {
                foreach (var path in Directory.EnumerateFiles(directory, Prefix + "*" + Extension))
                {
                    var name = Path.GetFileName(path);
                    files[name[Prefix.Length..^Extension.Length].ToLowerInvariant()] = path;
                }
            }
        }

        var templates = new Dictionary<string, LiquidMailTemplate>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (language, path) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (LiquidMailTemplate.Parse("acknowledgement template", language, path, Sample, out var problem) is { } template)
            {
                templates[language] = template;
            }
            else
            {
                problems.Add(problem!);
            }
        }

        var fallback = options.DefaultLanguage?.Trim().ToLowerInvariant() ?? "";
        if (fallback.Length > 0 && !files.ContainsKey(fallback))
        {
            problems.Add($"{AcknowledgementOptions.SectionName}:{nameof(AcknowledgementOptions.DefaultLanguage)} is '{fallback}' but there is no {Prefix}{fallback}{Extension} in {BuiltInDirectory}{(string.IsNullOrWhiteSpace(options.TemplateDirectory) ? "" : " or " + options.TemplateDirectory)}; add it or choose one of: {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}.");
        }

        return (templates, problems);
    }
}

/// <summary>What an acknowledgement says about its case.</summary>
/// <param name="RegistrationNumber">The case's registration number.</param>
/// <param name="CustomerName">The customer's name, if known.</param>
/// <param name="ReceivedAt">When the letter arrived, in the company's time zone.</param>
/// <param name="Category">The case's category name.</param>
/// <param name="Subject">The customer's own subject, if any.</param>
public sealed record AcknowledgementModel(string RegistrationNumber, string? CustomerName, DateTimeOffset ReceivedAt, string Category, string? Subject);

/// <summary>A written acknowledgement.</summary>
/// <param name="Subject">One line, holding the registration number.</param>
/// <param name="Body">Plain text.</param>
public sealed record AcknowledgementText(string Subject, string Body);
