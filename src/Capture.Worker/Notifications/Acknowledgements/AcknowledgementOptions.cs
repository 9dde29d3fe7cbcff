using System.Globalization;

namespace Capture.Worker.Notifications.Acknowledgements;

/// <summary>
/// The acknowledgement each new case sends to its customer (configuration section <c>Acknowledgements</c>): on or off,
/// the templates, and who signs it. Off unless <see cref="Enabled"/> is set, because it writes to customers; it then
/// needs the <c>Smtp</c> section. Acknowledgements are decided when a case opens, so turning them on later never
/// writes to the customers of older cases.
/// </summary>
public sealed class AcknowledgementOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Acknowledgements";

    /// <summary>Send acknowledgements to customers. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The template language used when the case's language has no template (ISO 639-1, e.g. <c>en</c>).</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>
    /// A folder of the company's own templates (<c>acknowledgement.pl.liquid</c>, ...); each one found replaces the
    /// built-in template of its language, and a new language code adds a language. Null uses the built-in ones only.
    /// </summary>
    public string? TemplateDirectory { get; set; }

    /// <summary>The company's name as customers know it (<c>company_name</c> in the templates).</summary>
    public string CompanyName { get; set; } = "";

    /// <summary>The closing lines under the message (<c>signature</c> in the templates), e.g. the department and a phone number.</summary>
    public string Signature { get; set; } = "";

    /// <summary>
    /// Also acknowledge scanned letters and other files that are not e-mails, when their text gave an e-mail address.
    /// Default false: that address was read by OCR from paper (a misread character writes to a stranger), it may be
    /// someone else's quoted in the letter, and a customer who wrote on paper expects no e-mail.
    /// </summary>
    public bool ForLetters { get; set; }

    /// <summary>How long the sender waits before trying again when the mail server could not be reached.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An acknowledgement still not sent this long after its case opened (a long outage) is skipped: by then it would confuse more than help.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Returns the problems with these settings, each naming the key and the fix; none when acknowledgements are off.</summary>
    /// <param name="smtp">The mail server settings acknowledgements are sent through.</param>
    public IEnumerable<string> Validate(SmtpOptions smtp)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        if (!Enabled)
        {
            yield break;
        }

        if (!smtp.Enabled)
        {
            yield return $"{SectionName}:{nameof(Enabled)} is true but no mail server is configured: set {SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)} and {SmtpOptions.SectionName}:{nameof(SmtpOptions.From)}, or set {SectionName}:{nameof(Enabled)} to false.";
        }

        if (string.IsNullOrWhiteSpace(CompanyName))
        {
            yield return $"{SectionName}:{nameof(CompanyName)} is empty; set it to the name customers know the company by, e.g. \"Shop.pl\".";
        }

        if (string.IsNullOrWhiteSpace(DefaultLanguage) || DefaultLanguage.Trim().Length != 2)
        {
            yield return $"{SectionName}:{nameof(DefaultLanguage)} is '{DefaultLanguage}'; give a two-letter language code that has a template, e.g. \"en\".";
        }

        if (!string.IsNullOrWhiteSpace(TemplateDirectory) && !Directory.Exists(TemplateDirectory))
        {
            yield return $"{SectionName}:{nameof(TemplateDirectory)} '{TemplateDirectory}' does not exist; create it with the templates to use, or remove the setting to use the built-in ones.";
        }

        if (RetryInterval <= TimeSpan.Zero)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(RetryInterval)} must be positive, e.g. 00:01:00, not {RetryInterval}.");
        }

        if (GiveUpAfter <= RetryInterval)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(GiveUpAfter)} ({GiveUpAfter}) must be longer than {nameof(RetryInterval)} ({RetryInterval}), e.g. 2.00:00:00.");
        }
    }
}
