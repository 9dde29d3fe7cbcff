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

    /// <summary>Returns the problems with these settings, each naming the key and the fix.</summary>
    public IEnumerable<string> Validate()
    {
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
