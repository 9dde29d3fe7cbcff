using System.Net;
using System.Net.Sockets;

namespace Capture.Testing.Mail;

/// <summary>The four listeners of a test server, all on 127.0.0.1.</summary>
/// <param name="Imap">IMAP with STARTTLS offered.</param>
/// <param name="Imaps">IMAP over implicit TLS.</param>
/// <param name="Pop3">POP3 with STLS offered.</param>
/// <param name="Pop3s">POP3 over implicit TLS.</param>
internal sealed record DovecotPorts(int Imap, int Imaps, int Pop3, int Pop3s)
{
    public IReadOnlyList<int> All => [Imap, Imaps, Pop3, Pop3s];

    /// <summary>
    /// Four ports that were free a moment ago: the kernel chooses them for listeners bound to port 0, held together so
    /// they differ, then released for Dovecot to bind.
    /// </summary>
    public static DovecotPorts PickFree()
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return new DovecotPorts(ports[0], ports[1], ports[2], ports[3]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}

/// <summary>Where one test server keeps its configuration, sockets, log, users, certificate and mail.</summary>
internal sealed record DovecotLayout(string Root)
{
    public string ConfigFile => Path.Combine(Root, "dovecot.conf");

    /// <summary>Dovecot's <c>base_dir</c>: its sockets and <c>master.pid</c>.</summary>
    public string BaseDirectory => Path.Combine(Root, "run");

    public string StateDirectory => Path.Combine(Root, "state");

    public string LogFile => Path.Combine(Root, "dovecot.log");

    /// <summary>One passwd-file per user, named as the user.</summary>
    public string UsersDirectory => Path.Combine(Root, "users");

    public string CertificateFile => Path.Combine(Root, "tls", "cert.pem");

    public string PrivateKeyFile => Path.Combine(Root, "tls", "key.pem");

    /// <summary>Users' homes live below this folder, owned by the <c>dovecot</c> user.</summary>
    public string MailRoot => Path.Combine(Root, "mail");

    /// <summary>Names the test process that owns the server, so a later run can clean up after a crashed one.</summary>
    public string OwnerFile => Path.Combine(Root, "owner");

    public string MasterPidFile => Path.Combine(BaseDirectory, "master.pid");

    /// <summary>The user's Maildir; its top level is the INBOX.</summary>
    public string MaildirOf(string user) => Path.Combine(MailRoot, user, "Maildir");

    /// <summary>Dovecot's log so far, or nothing before it wrote one.</summary>
    public async Task<string> ReadLogAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(LogFile, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }
}

/// <summary>
/// Writes the smallest <c>dovecot.conf</c> that serves IMAP and POP3 to passwd-file users on 127.0.0.1, without the
/// system's <c>conf.d</c>. Dovecot refuses to run its login processes as root or to serve mail as uid 0, hence
/// <c>dovenull</c>/<c>dovecot</c> and users that get the <c>dovecot</c> uid and gid.
/// </summary>
internal static class DovecotConfiguration
{
    /// <summary>The account every mail process runs as and that owns the mail.</summary>
    public const string MailOwner = "dovecot";

    public static string Render(DovecotLayout layout, DovecotPorts ports) => $$"""
        # Written by the Capture test fixture (tests/Support.Mail); the whole folder is deleted when the tests end.
        base_dir = {{layout.BaseDirectory}}
        state_dir = {{layout.StateDirectory}}
        log_path = {{layout.LogFile}}
        default_login_user = dovenull
        default_internal_user = dovecot
        protocols = imap pop3
        listen = {{DovecotServer.Host}}

        ssl = yes
        ssl_cert = <{{layout.CertificateFile}}
        ssl_key = <{{layout.PrivateKeyFile}}

        # Only 127.0.0.1 listens, so plain-text logins are allowed without TLS; exact user names, no lower-casing.
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        auth_username_format = %u
        # A wrong password answers at once and does not slow down later logins from 127.0.0.1: a test of a failed
        # login must not delay the other tests. The auth penalty (2 s, doubling, per client IP) is off while the auth
        # process cannot reach anvil's penalty socket; see service anvil below.
        auth_failure_delay = 0
        # Failed logins say why in the log (never with the password).
        auth_verbose = yes
        passdb {
          driver = passwd-file
          args = {{layout.UsersDirectory}}/%u
        }
        userdb {
          driver = passwd-file
          args = {{layout.UsersDirectory}}/%u
          default_fields = uid={{MailOwner}} gid={{MailOwner}} home={{layout.MailRoot}}/%u
        }
        # The dovecot account's uid is a system uid, below the default limit of 500.
        first_valid_uid = 1

        mail_location = maildir:~/Maildir
        namespace inbox {
          inbox = yes
          separator = /
        }
        # Test mail is thrown away: skip fsync so bulk appends are quick.
        mail_fsync = never
        # Tests and benchmarks open many sessions for one user from one address.
        mail_max_userip_connections = 1000
        pop3_uidl_format = %08Xu%08Xv
        # IDLE is always offered and reports new mail as it arrives; an idle client hears "still here" every 30 s.
        imap_idle_notify_interval = 30 secs

        service anvil {
          unix_listener anvil-auth-penalty {
            mode = 0
          }
        }
        {{LoginService("imap", ports.Imap, ports.Imaps)}}
        {{LoginService("pop3", ports.Pop3, ports.Pop3s)}}

        """;

    /// <summary>A protocol's two listeners: plain (STARTTLS offered) and implicit TLS.</summary>
    private static string LoginService(string protocol, int plainPort, int tlsPort) => $$"""
        service {{protocol}}-login {
          inet_listener {{protocol}} {
            port = {{plainPort}}
          }
          inet_listener {{protocol}}s {
            port = {{tlsPort}}
            ssl = yes
          }
        }
        """;
}
