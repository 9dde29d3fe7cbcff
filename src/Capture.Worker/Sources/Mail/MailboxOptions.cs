using System.ComponentModel.DataAnnotations;

namespace Capture.Worker.Sources.Mail;

/// <summary>The mail protocol of an account.</summary>
public enum MailProtocol
{
    /// <summary>IMAP: folders, UIDs, flags, IDLE.</summary>
    Imap,

    /// <summary>POP3: one mailbox, messages known by UIDL.</summary>
    Pop3,
}

/// <summary>How the connection is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain text. Only for servers on the same host or a trusted network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (STLS for POP3); fails when the server does not offer it.</summary>
    StartTls,

    /// <summary>Upgraded with STARTTLS when the server offers it, otherwise plain.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (ports 993 and 995).</summary>
    Tls,
}

/// <summary>
/// One mailbox polled by <c>capture run</c> (configuration section <c>Mailboxes</c>, an array) or read once by
/// <c>capture fetch</c>. The password comes from <see cref="Password"/> or, better, from the environment variable named by
/// <see cref="PasswordVariable"/>; it is never logged.
/// </summary>
public sealed class MailboxOptions
{
    /// <summary>A short name used in logs, source names and the quarantine path (e.g. <c>complaints</c>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$", ErrorMessage = "Name must be 1-64 letters, digits, '.', '_', '@' or '-', e.g. complaints.")]
    public string Name { get; set; } = "";

    public MailProtocol Protocol { get; set; } = MailProtocol.Imap;

    [Required]
    public string Host { get; set; } = "";

    /// <summary>The port; 0 means the protocol's default for <see cref="Security"/> (143/993 for IMAP, 110/995 for POP3).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.Tls;

    /// <summary>
    /// Accept a server certificate that is not trusted by the system (self-signed) when its SHA-256 fingerprint
    /// (hex, colons allowed) is this one. Certificates that the system trusts are always accepted.
    /// </summary>
    public string? CertificateFingerprint { get; set; }

    [Required]
    public string User { get; set; } = "";

    /// <summary>The password, when it cannot come from <see cref="PasswordVariable"/>. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The name of the environment variable holding the password (preferred over <see cref="Password"/>).</summary>
    public string? PasswordVariable { get; set; }

    /// <summary>IMAP folders to capture, in this order; the first is watched with IDLE. Ignored for POP3.</summary>
    public List<string> Folders { get; set; } = [];

    /// <summary>How often the mailbox is read when IDLE is off or not offered (and at the latest with IDLE).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wait for new mail with IMAP IDLE when the server offers it, instead of only polling.</summary>
    public bool UseIdle { get; set; } = true;

    /// <summary>IDLE is ended and issued again after this long, before servers (30 min) or NAT routers drop it.</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>Which messages are captured; empty lists let everything through.</summary>
    public MailFilterOptions Filters { get; set; } = new();

    /// <summary>Messages larger than this are not downloaded: they are recorded with a reason and left on the server.</summary>
    public long MaxMessageBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>What is done to a message on the server once it is safely archived (or recorded).</summary>
    public MailDispositionOptions Disposition { get; set; } = new();

    /// <summary>How many messages are read per batch; dispositions and the watermark are written after each batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How many messages of a batch are claimed, prepared and committed to the store together, in one transaction: one
    /// set of disk flushes for all (in the mail benchmark LiteDB's commits took 1.8 ms a message in groups of 25 and
    /// 0.65 ms in groups of 100). A crash costs each message of the groups under way one attempt.
    /// </summary>
    public int GroupSize { get; set; } = 100;

    /// <summary>
    /// This mailbox's own limit on attempts per message (crashes included) before it is quarantined; null (the default)
    /// takes <c>Capture:Retry:MaxAttempts</c>, which also sets the waits between attempts.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>The first wait before reconnecting after a failure; it doubles on each failure in a row.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between reconnection attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one network operation may take before the connection is given up.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The folders to read: <see cref="Folders"/>, or INBOX.</summary>
    public IReadOnlyList<string> EffectiveFolders => Folders.Count > 0 ? Folders : ["INBOX"];

    /// <summary>The port to connect to.</summary>
    public int EffectivePort => Port != 0 ? Port : (Protocol, Security) switch
    {
        (MailProtocol.Imap, MailSecurity.Tls) => 993,
        (MailProtocol.Imap, _) => 143,
        (MailProtocol.Pop3, MailSecurity.Tls) => 995,
        _ => 110,
    };

    /// <summary>The source name recorded with everything captured from this mailbox.</summary>
    public string SourceName => $"mail:{Name}";

    /// <summary>Where the password is taken from, for a person to check (never the password itself).</summary>
    public string PasswordOrigin => string.IsNullOrEmpty(PasswordVariable)
        ? $"the configuration ({nameof(Password)} of mailbox {Name})"
        : $"the environment variable {PasswordVariable} ({nameof(PasswordVariable)})";

    /// <summary>The password from the environment variable or the configuration.</summary>
    /// <exception cref="InvalidOperationException">Neither holds one.</exception>
    public string ResolvePassword()
    {
        if (!string.IsNullOrEmpty(PasswordVariable))
        {
            return Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : throw new InvalidOperationException($"Mailbox '{Name}': the environment variable {PasswordVariable} (PasswordVariable) is not set.");
        }

        return Password is { Length: > 0 } password
            ? password
            : throw new InvalidOperationException($"Mailbox '{Name}' has no password: set PasswordVariable to the name of an environment variable holding it.");
    }

    /// <summary>Returns the problems with these settings, each naming the key and the fix.</summary>
    /// <param name="key">The configuration key of this account, e.g. <c>Mailboxes:0</c>.</param>
    public IEnumerable<string> Validate(string key)
    {
        var context = new ValidationContext(this);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, context, results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return $"{key}: {result.ErrorMessage}";
        }

        if (string.IsNullOrEmpty(PasswordVariable) && string.IsNullOrEmpty(Password))
        {
            yield return $"{key}: no password. Set PasswordVariable to the name of an environment variable that holds it.";
        }
        else if (!string.IsNullOrEmpty(PasswordVariable) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PasswordVariable)))
        {
            yield return $"{key}:PasswordVariable names {PasswordVariable}, which is not set in this environment.";
        }

        foreach (var problem in Disposition.Validate(key, Protocol))
        {
            yield return problem;
        }

        foreach (var (name, value, least, most) in new[]
        {
            (nameof(PollInterval), PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1)),
            (nameof(IdleRefresh), IdleRefresh, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(29)),
            (nameof(ReconnectDelay), ReconnectDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1)),
            (nameof(MaxReconnectDelay), MaxReconnectDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1)),
            (nameof(Timeout), Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
        })
        {
            if (value < least || value > most)
            {
                yield return $"{key}:{name} must be between {least} and {most}, not {value}.";
            }
        }

        if (MaxMessageBytes < 1024)
        {
            yield return $"{key}:MaxMessageBytes must be at least 1024, not {MaxMessageBytes}.";
        }

        if (GroupSize is < 1 or > 1_000)
        {
            yield return $"{key}:GroupSize must be between 1 and 1000, not {GroupSize}.";
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"{key}:BatchSize must be between 1 and 10000, not {BatchSize}.";
        }

        if (MaxAttempts is not null and (< 1 or > 100))
        {
            yield return $"{key}:MaxAttempts must be between 1 and 100, not {MaxAttempts}.";
        }

        if (Folders.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{key}:Folders has an empty folder name.";
        }
    }
}
