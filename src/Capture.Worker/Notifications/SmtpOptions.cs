using System.Globalization;
using Capture.Worker.Sources.Mail;
using MimeKit;

namespace Capture.Worker.Notifications;

/// <summary>
/// The SMTP server Capture sends its own mail through (alerts to handlers, acknowledgements to customers), bound from
/// the <c>Smtp</c> configuration section. Nothing is sent while <see cref="Host"/> is empty. The password comes from
/// the environment variable named by <see cref="PasswordVariable"/> and is never logged.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Smtp";

    /// <summary>The server's host name or address; empty turns outgoing mail off.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port; 0 means the default for <see cref="Security"/> (465 for TLS, 587 otherwise).</summary>
    public int Port { get; set; }

    /// <summary>How the connection is protected.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Accept an untrusted (self-signed) server certificate with this SHA-256 fingerprint (hex, colons allowed).</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>The user to sign in as; empty sends without signing in (a relay that trusts this host).</summary>
    public string? User { get; set; }

    /// <summary>The name of the environment variable holding the password for <see cref="User"/>.</summary>
    public string? PasswordVariable { get; set; }

    /// <summary>The sender address of every message, e.g. <c>reklamacje@shop.pl</c>; also the domain of their Message-IDs.</summary>
    public string From { get; set; } = "";

    /// <summary>The sender's display name, e.g. <c>Shop customer service</c>.</summary>
    public string? FromName { get; set; }

    /// <summary>How long one SMTP operation may take before the connection is given up.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when outgoing mail is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The port to connect to.</summary>
    public int EffectivePort => Port != 0 ? Port : Security == MailSecurity.Tls ? 465 : 587;

    /// <summary>The sender as a MIME address (options must be valid).</summary>
    public MailboxAddress Sender => new(FromName ?? "", From.Trim());

    /// <summary>The password from <see cref="PasswordVariable"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public string ResolvePassword() =>
        Environment.GetEnvironmentVariable(PasswordVariable ?? "") is { Length: > 0 } password
            ? password
            : throw new InvalidOperationException($"{SectionName}: the environment variable {PasswordVariable} (PasswordVariable) is not set.");

    /// <summary>Returns the problems with these settings, each naming the key and the fix; none when mail is off.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Port is < 0 or > 65535)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(Port)} is {Port}; use 0 for the default or a port from 1 to 65535.");
        }

        if (!MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            yield return $"{SectionName}:{nameof(From)} is '{From}'; set it to the address Capture's mail comes from, e.g. reklamacje@shop.pl.";
        }

        if (!string.IsNullOrWhiteSpace(User) && string.IsNullOrWhiteSpace(PasswordVariable))
        {
            yield return $"{SectionName}:{nameof(PasswordVariable)} is empty; set it to the name of the environment variable that holds the password of {User}.";
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:{nameof(Timeout)} must be positive, e.g. 00:00:30.";
        }
    }
}
