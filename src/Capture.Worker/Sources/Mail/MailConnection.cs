using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Security;

namespace Capture.Worker.Sources.Mail;

/// <summary>Connects and signs in a MailKit client (IMAP or POP3) as an account's options say.</summary>
internal static class MailConnection
{
    /// <exception cref="AuthenticationException">The server refused the user name or password.</exception>
    /// <exception cref="SslHandshakeException">TLS failed, e.g. an untrusted certificate without a matching fingerprint.</exception>
    public static async Task ConnectAsync(MailService client, MailboxOptions account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(account);
        client.Timeout = (int)account.Timeout.TotalMilliseconds;
        client.ServerCertificateValidationCallback = TrustPolicy(account.CertificateFingerprint);
        await client.ConnectAsync(account.Host, account.EffectivePort, SocketOptions(account.Security), cancellationToken).ConfigureAwait(false);
        await client.AuthenticateAsync(account.User, account.ResolvePassword(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says goodbye politely when the connection is still up (POP3 deletions take effect only then); never throws.</summary>
    public static async Task DisconnectQuietlyAsync(MailService client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ProtocolException or ServiceNotConnectedException or System.Net.Sockets.SocketException)
        {
            // The connection is being thrown away anyway; nothing was pending that the ledger does not cover.
        }
    }

    internal static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.SslOnConnect,
    };

    internal static RemoteCertificateValidationCallback? TrustPolicy(string? fingerprint)
    {
        if (string.IsNullOrWhiteSpace(fingerprint))
        {
            return null;
        }

        var pinned = fingerprint.Replace(":", "", StringComparison.Ordinal).Trim();
        return (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None ||
            (certificate is not null && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), pinned, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The fingerprint form <see cref="MailboxOptions.CertificateFingerprint"/> expects.</summary>
    public static string Fingerprint(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
    }
}
