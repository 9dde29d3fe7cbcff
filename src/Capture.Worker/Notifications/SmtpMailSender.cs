using Capture.Worker.Sources.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Capture.Worker.Notifications;

/// <summary>
/// Sends Capture's own mail through the server in <see cref="SmtpOptions"/>. A batch shares one connection
/// (<see cref="OpenAsync"/>); each message is handed over on its own, so a caller can record each one as sent the
/// moment the server accepted it.
/// </summary>
public sealed partial class SmtpMailSender
{
    private readonly SmtpOptions _options;
    private readonly ILogger<SmtpMailSender> _logger;

    public SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>True when a server is configured; otherwise nothing is sent.</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>The sender every message carries.</summary>
    public MailboxAddress Sender => _options.Sender;

    /// <summary>A new message from <see cref="Sender"/> with a Message-ID in the sender's domain, marked as sent by a program (RFC 3834) so that auto-responders do not answer it.</summary>
    public MimeMessage NewMessage()
    {
        var message = new MimeMessage();
        message.From.Add(Sender);
        message.MessageId = MimeUtils.GenerateMessageId(Sender.Domain);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>Connects and signs in.</summary>
    /// <exception cref="InvalidOperationException">No server is configured, or its password variable is not set.</exception>
    /// <exception cref="IOException">The server cannot be reached.</exception>
    /// <exception cref="MailKit.Security.AuthenticationException">The server refused the user name or password.</exception>
    public async Task<SmtpSession> OpenAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            throw new InvalidOperationException($"No SMTP server is configured: set {SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)} and {SmtpOptions.SectionName}:{nameof(SmtpOptions.From)}.");
        }

        var client = new SmtpClient
        {
            Timeout = (int)_options.Timeout.TotalMilliseconds,
            ServerCertificateValidationCallback = MailConnection.TrustPolicy(_options.CertificateFingerprint),
        };
        try
        {
            await client.ConnectAsync(_options.Host, _options.EffectivePort, MailConnection.SocketOptions(_options.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(_options.User))
            {
                await client.AuthenticateAsync(_options.User, _options.ResolvePassword(), cancellationToken).ConfigureAwait(false);
            }

            return new SmtpSession(client, _logger);
        }
        catch (AuthenticationException ex)
        {
            // Said once here for every sender (alerts, acknowledgements, replies), with the server's words and never the password.
            LogSignInRefused(_options.Host, _options.EffectivePort, _options.User!, ex.Message, _options.PasswordVariable ?? "");
            client.Dispose();
            throw;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one message on a connection of its own.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMTP server {Host}:{Port} refused Capture's sign-in as {User} ({Error}); check Smtp:User and the password in the environment variable {PasswordVariable} (Smtp:PasswordVariable)")]
    private partial void LogSignInRefused(string host, int port, string user, string error, string passwordVariable);
}

/// <summary>One signed-in connection to the SMTP server; disposing it says goodbye.</summary>
public sealed partial class SmtpSession : IAsyncDisposable
{
    private readonly SmtpClient _client;
    private readonly ILogger _logger;

    internal SmtpSession(SmtpClient client, ILogger logger)
    {
        _client = client;
        _logger = logger;
    }

    /// <summary>Hands <paramref name="message"/> to the server; when this returns, the server has accepted it.</summary>
    /// <exception cref="SmtpCommandException">The server refused the message or a recipient (<c>StatusCode</c> tells which).</exception>
    /// <exception cref="IOException">The connection broke.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        LogSent(message.MessageId ?? "(none)");
    }

    public async ValueTask DisposeAsync()
    {
        await MailConnection.DisconnectQuietlyAsync(_client).ConfigureAwait(false);
        _client.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {MessageId}")]
    private partial void LogSent(string messageId);
}
