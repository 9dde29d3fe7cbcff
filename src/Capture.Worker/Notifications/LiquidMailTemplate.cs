using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Capture.Worker.Notifications;

/// <summary>
/// One Liquid (Fluid) mail template file: its first line is the subject, then one empty line, then the plain-text
/// body. Shared by the acknowledgements to customers and the replies handlers write from a case. Parsed and tried
/// with sample values when it is read, so a broken file is reported with its name before it is ever used.
/// Thread-safe once parsed.
/// </summary>
internal sealed class LiquidMailTemplate
{
    private static readonly FluidParser Parser = new();

    private readonly IFluidTemplate _subject;
    private readonly IFluidTemplate _body;
    private readonly CultureInfo _culture;
    private readonly string _dateFormat;
    private readonly TemplateOptions _options;

    private LiquidMailTemplate(IFluidTemplate subject, IFluidTemplate body, string language)
    {
        _subject = subject;
        _body = body;
        (_culture, _dateFormat) = DateStyle(language);
        _options = new TemplateOptionsBuilder().WithCultureInfo(_culture).Build();
    }

    /// <summary>
    /// Reads and parses <paramref name="path"/>, then renders it once with <paramref name="sample"/>; null with the
    /// problem (naming the file as <paramref name="what"/> and the fix) when any of that fails.
    /// </summary>
    public static LiquidMailTemplate? Parse(string what, string language, string path, MailTemplateValues sample, out string? problem)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"The {what} {path} cannot be read: {ex.Message}";
            return null;
        }

        var lines = text.Split('\n', 3);
        if (lines.Length < 3 || string.IsNullOrWhiteSpace(lines[0]) || !string.IsNullOrWhiteSpace(lines[1]) || string.IsNullOrWhiteSpace(lines[2]))
        {
            problem = $"The {what} {path} must have the subject on its first line, an empty second line, and the body after it.";
            return null;
        }

        if (!Parser.TryParse(lines[0], out var subject, out var subjectError))
        {
            problem = $"The subject (line 1) of the {what} {path} is not valid Liquid: {subjectError}";
            return null;
        }

        if (!Parser.TryParse(lines[2], out var body, out var bodyError))
        {
            problem = $"The body of the {what} {path} is not valid Liquid (its line 1 is the file's line 3): {bodyError}";
            return null;
        }

        var template = new LiquidMailTemplate(subject, body, language);
        try
        {
            template.Render(sample);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or ParseException)
        {
            problem = $"The {what} {path} fails when it is filled in: {ex.Message}";
            return null;
        }

        problem = null;
        return template;
    }

    /// <summary>
    /// Fills in the template. The subject is one line and always carries the registration number: when the template
    /// leaves it out, <c>[number] </c> is put in front, so the customer's answer joins its case by subject.
    /// </summary>
    /// <exception cref="InvalidOperationException">The template failed while rendering (e.g. it exceeded Fluid's limits).</exception>
    public MailText Render(MailTemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var context = new TemplateContext(_options);
        context.SetValue("registration_number", FluidValue.Create(values.RegistrationNumber, _options));
        context.SetValue("customer_name", FluidValue.Create(values.CustomerName?.Trim() ?? "", _options));
        context.SetValue("received_date", FluidValue.Create(values.ReceivedAt.ToString(_dateFormat, _culture), _options));
        context.SetValue("received_at", FluidValue.Create(values.ReceivedAt, _options));
        context.SetValue("category", FluidValue.Create(values.Category, _options));
        context.SetValue("subject", FluidValue.Create(values.Subject?.Trim() ?? "", _options));
        foreach (var (name, value) in values.Extra)
        {
            context.SetValue(name, FluidValue.Create(value, _options));
        }

        return new MailText(SubjectLine(_subject.Render(context), values.RegistrationNumber), _body.Render(context).Trim() + "\n");
    }

    /// <summary>A mail subject: one line (a template's white space or a customer's subject must not break the header) holding the registration number.</summary>
    public static string SubjectLine(string subject, string registrationNumber)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var line = string.Join(' ', subject.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();
        return line.Contains(registrationNumber, StringComparison.OrdinalIgnoreCase) ? line : $"[{registrationNumber}] {line}".TrimEnd();
    }

    /// <summary>How the received day is written in <paramref name="language"/>: "2 grudnia 2026", "2026. december 2.", "2 December 2026".</summary>
    private static (CultureInfo Culture, string Format) DateStyle(string language) => language switch
    {
        "pl" => (CultureInfo.GetCultureInfo("pl-PL"), "d MMMM yyyy"),
        "hu" => (CultureInfo.GetCultureInfo("hu-HU"), "yyyy. MMMM d."),
        "en" => (CultureInfo.GetCultureInfo("en-GB"), "d MMMM yyyy"),
        _ => KnownCulture(language) is { } culture ? (culture, culture.DateTimeFormat.LongDatePattern) : (CultureInfo.InvariantCulture, "yyyy-MM-dd"),
    };

    private static CultureInfo? KnownCulture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>What a mail template may write about its case.</summary>
/// <param name="RegistrationNumber">The case's registration number.</param>
/// <param name="CustomerName">The customer's name, if known.</param>
/// <param name="ReceivedAt">When the letter arrived, in the company's time zone.</param>
/// <param name="Category">The case's category name (<c>Complaint</c>, ...).</param>
/// <param name="Subject">The customer's own subject, if any.</param>
/// <param name="Extra">Further variables by name (<c>company_name</c>, <c>signature</c>, <c>handler_name</c>, ...).</param>
internal sealed record MailTemplateValues(
    string RegistrationNumber,
    string? CustomerName,
    DateTimeOffset ReceivedAt,
    string Category,
    string? Subject,
    IReadOnlyDictionary<string, string> Extra);

/// <summary>A written message.</summary>
/// <param name="Subject">One line, holding the registration number.</param>
/// <param name="Body">Plain text.</param>
internal sealed record MailText(string Subject, string Body);
