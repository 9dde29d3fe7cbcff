using System.Text.RegularExpressions;

namespace Capture.Worker.Sources.Mail;

/// <summary>Applies <see cref="MailFilterOptions"/> to what the server tells about a message before it is downloaded.</summary>
internal sealed class MailFilter
{
    private readonly Regex[] _senders;
    private readonly Regex[] _subjects;
    private readonly Regex[] _attachmentNames;

    public MailFilter(MailFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _senders = Compile(options.Senders);
        _subjects = Compile(options.Subjects);
        _attachmentNames = Compile(options.AttachmentNames);
    }

    /// <summary>True when the attachment names are needed (IMAP then fetches the body structure).</summary>
    public bool NeedsAttachmentNames => _attachmentNames.Length > 0;

    /// <summary>True when the sender or subject is needed.</summary>
    public bool NeedsHeaders => _senders.Length > 0 || _subjects.Length > 0;

    /// <summary>True when the sender and subject pass their lists.</summary>
    public bool AcceptsHeaders(string? sender, string? subject) => Matches(_senders, sender) && Matches(_subjects, subject);

    /// <summary>True when no attachment names are asked for, or one of these matches.</summary>
    public bool AcceptsAttachments(IEnumerable<string?> attachmentNames) =>
        _attachmentNames.Length == 0 || attachmentNames.Any(name => Matches(_attachmentNames, name));

    private static bool Matches(Regex[] patterns, string? value) =>
        patterns.Length == 0 || (value is not null && patterns.Any(p => p.IsMatch(value)));

    private static Regex[] Compile(List<string> patterns) => [.. patterns
        .Where(p => !string.IsNullOrWhiteSpace(p))
        .Select(p => new Regex(
            "^" + Regex.Escape(p.Trim()).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1)))];
}
