using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Capture.Testing.Mail;

/// <summary>
/// A real Dovecot IMAP/POP3 server for tests and benchmarks, run from Debian's <c>dovecot-imapd</c> and
/// <c>dovecot-pop3d</c> with its own configuration in a temp folder: listeners on 127.0.0.1 (plain with STARTTLS, and
/// implicit TLS) at free ports, passwd-file users, Maildir mail. It needs root, as Dovecot's master does.
/// Mail goes in and is inspected through <see cref="Mail"/>, a MailKit client like any other.
/// </summary>
/// <remarks>
/// Not thread-safe for its lifecycle methods (start, stop, restart, dispose); users, mail and kicks may be used from
/// many tests at once.
/// </remarks>
internal sealed class DovecotServer : IAsyncDisposable
{
    /// <summary>The address every listener binds.</summary>
    public const string Host = "127.0.0.1";

    private const string DoveadmProgram = "/usr/bin/doveadm";
    private const int StartAttempts = 3;
    private static readonly TimeSpan KickGrace = TimeSpan.FromSeconds(5);

    private readonly DovecotLayout _layout;
    private readonly SelfSignedCertificate _certificate;
    private readonly DovecotUsers _users;
    private DovecotMaster? _master;

    private DovecotServer(DovecotLayout layout, SelfSignedCertificate certificate, DovecotPorts ports)
    {
        _layout = layout;
        _certificate = certificate;
        _users = new DovecotUsers(layout.UsersDirectory);
        Ports = ports;
        Mail = new MailboxClient(this);
    }

    /// <summary>The listeners' ports; they stay the same across <see cref="RestartAsync"/>.</summary>
    public DovecotPorts Ports { get; private set; }

    /// <summary>The server's self-signed certificate (for <c>localhost</c> and 127.0.0.1), to pin or trust.</summary>
    public X509Certificate2 Certificate => _certificate.Certificate;

    /// <summary>The temp folder holding configuration, log and mail; deleted on dispose.</summary>
    public string RootDirectory => _layout.Root;

    /// <summary>Dovecot's log file (logins, errors, disconnects).</summary>
    public string LogFile => _layout.LogFile;

    /// <summary>The Dovecot master process while the server runs, else null.</summary>
    public int? MasterProcessId => _master?.Id;

    /// <summary>True from a successful start until the server is stopped (or its master died).</summary>
    public bool IsRunning => _master is { HasExited: false };

    /// <summary>Delivers and inspects mail as an ordinary IMAP client.</summary>
    public MailboxClient Mail { get; }

    /// <summary>
    /// Starts a new server in a new temp folder. Servers left running by test processes that were killed are stopped
    /// first.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// Dovecot is not installed, the process is not root, or the server did not listen within 15 s (the message holds
    /// Dovecot's own output and log).
    /// </exception>
    public static async Task<DovecotServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Dovecot test server runs on Linux only.");
        }

        EnsureCanRun();
        await AbandonedServers.SweepOnceAsync(cancellationToken);
        var layout = await CreateLayoutAsync(cancellationToken);
        var server = new DovecotServer(layout, SelfSignedCertificate.Create(), DovecotPorts.PickFree());
        try
        {
            await server.PrepareAsync(cancellationToken);
            await server.LaunchWithFreshPortsAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Trusts exactly this server's certificate: use it as MailKit's <c>ServerCertificateValidationCallback</c>.
    /// </summary>
    public bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        _certificate.Validate(sender, certificate, chain, errors);

    /// <summary>Adds a passwd-file user, who can log in at once (no restart).</summary>
    /// <exception cref="ArgumentException">The name or password holds characters the passwd-file cannot store.</exception>
    /// <exception cref="InvalidOperationException">The user exists already.</exception>
    public Task AddUserAsync(string name, string password, CancellationToken cancellationToken = default) =>
        _users.AddAsync(name, password, cancellationToken);

    /// <summary>The name and password of a user added with <see cref="AddUserAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">No such user was added.</exception>
    public NetworkCredential CredentialsOf(string user) => _users.CredentialsOf(user);

    /// <summary>
    /// Drops every open IMAP and POP3 session of <paramref name="user"/>, as an administrator or a crashing backend
    /// would (<c>doveadm kick</c>), and waits until their processes are gone, so the client's next command fails.
    /// </summary>
    /// <returns>How many sessions were dropped.</returns>
    /// <exception cref="InvalidOperationException">doveadm failed.</exception>
    public async Task<int> KickAsync(string user, CancellationToken cancellationToken = default)
    {
        var who = await DoveadmAsync(["who", "-1", user], cancellationToken);
        var sessions = who.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns.Length >= 3 && columns[0] == user)
            .Select(columns => int.Parse(columns[2], CultureInfo.InvariantCulture))
            .ToList();

        // doveadm exits with 68 (EX_NOUSER) when the user had no session to kick.
        await DoveadmAsync(["kick", user], cancellationToken, acceptedExitCodes: [0, 68]);
        if (!await UnixProcesses.WaitForExitAsync(sessions, KickGrace, cancellationToken))
        {
            throw new InvalidOperationException($"Sessions of {user} survived doveadm kick for {KickGrace.TotalSeconds} s.");
        }

        return sessions.Count;
    }

    /// <summary>
    /// Stops the server: its master and every process it started get SIGTERM (SIGKILL after 5 s). Open sessions are
    /// dropped; mail and users stay for <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_master is { } master)
        {
            await master.StopAsync(cancellationToken);
            _master = null;
        }
    }

    /// <summary>Starts the stopped server again on the same ports, with the same users and mail.</summary>
    /// <exception cref="InvalidOperationException">It is running, or did not come up (see <see cref="StartAsync"/>).</exception>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The Dovecot test server is already running.");
        }

        await LaunchAsync(cancellationToken);
    }

    /// <summary>Stops and starts the server: clients see the connection drop and can reconnect to the same ports.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await StartAgainAsync(cancellationToken);
    }

    /// <summary>Dovecot's log so far.</summary>
    public Task<string> ReadLogAsync(CancellationToken cancellationToken = default) => _layout.ReadLogAsync(cancellationToken);

    /// <summary>Stops the server and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        finally
        {
            AbandonedServers.DeleteQuietly(_layout.Root);
            _certificate.Dispose();
        }
    }

    /// <summary>Runs <c>doveadm</c> against this server's configuration.</summary>
    /// <exception cref="InvalidOperationException">doveadm exited with a code not in <paramref name="acceptedExitCodes"/> (default: 0).</exception>
    internal Task<ProgramResult> DoveadmAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, IReadOnlyCollection<int>? acceptedExitCodes = null) =>
        UnixProcesses.RunAsync(DoveadmProgram, ["-c", _layout.ConfigFile, .. arguments], cancellationToken, acceptedExitCodes);

    /// <summary>The Maildir folder that is the user's INBOX.</summary>
    internal string MaildirOf(string user) => _layout.MaildirOf(user);

    private static void EnsureCanRun()
    {
        if (!DovecotMaster.IsInstalled || !File.Exists(DoveadmProgram))
        {
            throw new InvalidOperationException("Dovecot is not installed: apt-get install dovecot-imapd dovecot-pop3d.");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("The Dovecot test server must be started by root: its master process needs root.");
        }
    }

    [SupportedOSPlatform("linux")]
    private static async Task<DovecotLayout> CreateLayoutAsync(CancellationToken cancellationToken)
    {
        // Dovecot's unprivileged processes (dovenull, dovecot) must reach the folder: every level is world-traversable.
        CreateDirectory(AbandonedServers.Home);
        for (var directory = new DirectoryInfo(AbandonedServers.Home); directory is not null; directory = directory.Parent)
        {
            if ((directory.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"{directory.FullName} is not traversable by other users, so Dovecot's processes cannot reach the test server's files; set TMPDIR to a folder such as /tmp.");
            }
        }

        // Short names: Dovecot's socket paths under base_dir must stay within the 108 bytes of a Unix socket address.
        var layout = new DovecotLayout(Path.Combine(AbandonedServers.Home, Guid.NewGuid().ToString("N")[..12]));
        CreateDirectory(layout.Root);
        await AbandonedServers.ClaimAsync(layout, cancellationToken);
        return layout;
    }

    [SupportedOSPlatform("linux")]
    private static void CreateDirectory(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    [SupportedOSPlatform("linux")]
    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var directory in (string[])[_layout.BaseDirectory, _layout.StateDirectory, _layout.MailRoot, _layout.UsersDirectory, Path.GetDirectoryName(_layout.CertificateFile)!])
        {
            CreateDirectory(directory);
        }

        await WriteFileAsync(_layout.CertificateFile, _certificate.CertificatePem, (UnixFileMode)0b110_100_100, cancellationToken);
        await WriteFileAsync(_layout.PrivateKeyFile, _certificate.PrivateKeyPem, (UnixFileMode)0b110_000_000, cancellationToken);
        var owner = $"{DovecotConfiguration.MailOwner}:{DovecotConfiguration.MailOwner}";
        await UnixProcesses.RunAsync("chown", [owner, _layout.MailRoot, _layout.PrivateKeyFile], cancellationToken);
    }

    [SupportedOSPlatform("linux")]
    private static async Task WriteFileAsync(string path, string text, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode };
        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    /// <summary>
    /// The ports were free when picked but another process may have taken one since: Dovecot then fails to bind, and
    /// a first start simply tries again with new ports.
    /// </summary>
    private async Task LaunchWithFreshPortsAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await LaunchAsync(cancellationToken);
                return;
            }
            catch (InvalidOperationException exception) when (attempt < StartAttempts && exception.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
                Ports = DovecotPorts.PickFree();
            }
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(_layout.ConfigFile, DovecotConfiguration.Render(_layout, Ports), cancellationToken);
        _master = await DovecotMaster.StartAsync(_layout, Ports, cancellationToken);
    }
}
