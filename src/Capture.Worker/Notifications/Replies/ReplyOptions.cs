namespace Capture.Worker.Notifications.Replies;

/// <summary>
/// Replies handlers write to customers from a case (configuration section <c>Replies</c>): where their templates are,
/// which language a case without a template of its own gets, and the company's name in them. They are sent through
/// the <c>Smtp</c> server, from its <c>From</c> address.
/// </summary>
public sealed class ReplyOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Replies";

    /// <summary>
    /// A folder of the company's own templates (<c>complaint.pl.liquid</c>, ...); each one found replaces the built-in
    /// template of the same name, and a new name adds one. Null uses the built-in ones only.
    /// </summary>
    public string? TemplateDirectory { get; set; }

    /// <summary>The language whose template a case gets when its own language has none (ISO 639-1, e.g. <c>en</c>).</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>The company's name as customers know it (<c>company_name</c> in the templates).</summary>
    public string CompanyName { get; set; } = "";

    /// <summary>
    /// How often the reply outbox looks for replies to finish (sent but not filed in their case, or not yet sent), and
    /// the first wait before a reply the mail server could not take is tried again; each further wait doubles. Default 1 minute.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts to send a reply. Default 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a reply is marked not sent, with the server's answer. Default 8.</summary>
    public int MaxSendAttempts { get; set; } = 8;

    /// <summary>Returns the problems with these settings, each naming the key and the fix.</summary>
    public IEnumerable<string> Validate()
    {
        if (RetryInterval < TimeSpan.FromSeconds(1) || MaxRetryDelay < RetryInterval)
        {
            yield return $"{SectionName}:{nameof(RetryInterval)} is {RetryInterval} and {nameof(MaxRetryDelay)} {MaxRetryDelay}; give an interval of at least 00:00:01 and a maximum delay no shorter than it.";
        }

        if (MaxSendAttempts < 1)
        {
            yield return $"{SectionName}:{nameof(MaxSendAttempts)} is {MaxSendAttempts}; give at least 1.";
        }

        if (string.IsNullOrWhiteSpace(DefaultLanguage) || DefaultLanguage.Trim().Length != 2)
        {
            yield return $"{SectionName}:{nameof(DefaultLanguage)} is '{DefaultLanguage}'; give a two-letter language code that has templates, e.g. \"en\".";
        }

        if (!string.IsNullOrWhiteSpace(TemplateDirectory) && !Directory.Exists(TemplateDirectory))
        {
            yield return $"{SectionName}:{nameof(TemplateDirectory)} '{TemplateDirectory}' does not exist; create it with the templates to use, or remove the setting to use the built-in ones.";
        }
    }
}
