using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Capture.Testing.Mail;

/// <summary>
/// A real SMTP server on 127.0.0.1 for tests: Debian's <c>python3-aiosmtpd</c> with its Maildir handler, so every
/// message the server accepted is a file that can be read back with its envelope (aiosmtpd adds <c>X-MailFrom</c> and
/// <c>X-RcptTo</c>). A recipient whose local part ends in <c>+reject</c> is refused with 550, to test refusals. Started
/// with a login, it requires the client to sign in with it (AUTH PLAIN or LOGIN, over the plain connection) before it
/// takes any mail, and refuses any other name or password with 535. The server exits by itself when the test process
/// dies, so none outlives a killed test run.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    public const string Host = "127.0.0.1";
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import hmac, os, sys, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import AuthResult, LoginPassword

        class Sink(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.split('@')[0].endswith('+reject'):
                    return '550 5.1.1 Mailbox refused by the test server'
                envelope.rcpt_tos.append(address)
                return '250 OK'

        # The login comes through the environment, so it is not on the command line for everyone to see.
        user, password = os.environ.get('SINK_USER', '').encode(), os.environ.get('SINK_PASSWORD', '').encode()

        def authenticate(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and hmac.compare_digest(data.login, user) and hmac.compare_digest(data.password, password)
            return AuthResult(success=ok, handled=False)

        port, maildir, parent = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
        login = dict(authenticator=authenticate, auth_required=True, auth_require_tls=False) if user else {}
        controller = Controller(Sink(maildir), hostname='127.0.0.1', port=port, **login)
        controller.start()
        print('ready', flush=True)
        while os.getppid() == parent:
            time.sleep(0.3)
        controller.stop()
        """;

    private readonly string _root;
    private readonly NetworkCredential? _login;
    private Process? _process;

    private SmtpSink(string root, int port, NetworkCredential? login)
    {
        _root = root;
        Port = port;
        _login = login;
    }

    /// <summary>The port the server listens on; it stays the same across <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>.</summary>
    public int Port { get; }

    /// <summary>The Maildir the accepted messages land in.</summary>
    public string Maildir => Path.Combine(_root, "maildir");

    /// <summary>Starts a server that takes mail without signing in, at a free port in a new temp folder.</summary>
    /// <exception cref="InvalidOperationException">aiosmtpd is not installed or did not start (the message holds its output).</exception>
    public static Task<SmtpSink> StartAsync(CancellationToken cancellationToken = default) => StartAsync(login: null, cancellationToken);

    /// <summary>Starts a server at a free port in a new temp folder.</summary>
    /// <param name="login">When given, the only user name and password the server accepts, and it takes no mail without them.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="InvalidOperationException">aiosmtpd is not installed or did not start (the message holds its output).</exception>
    public static async Task<SmtpSink> StartAsync(NetworkCredential? login, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Python) || !Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            throw new InvalidOperationException("The SMTP test server needs Debian's python3-aiosmtpd: run scripts/ensure-debian-packages.sh test.");
        }

        var root = Directory.CreateTempSubdirectory("capture-smtp-").FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "sink.py"), Script, cancellationToken);
        var sink = new SmtpSink(root, FreePort(), login);
        try
        {
            await sink.StartAgainAsync(cancellationToken);
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again) at <see cref="Port"/>, keeping the mail it accepted before.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_login is not null)
        {
            start.Environment["SINK_USER"] = _login.UserName;
            start.Environment["SINK_PASSWORD"] = _login.Password;
        }

        foreach (var argument in (string[])[Path.Combine(_root, "sink.py"), Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Maildir, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started.");
        _process = process;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            var error = process.HasExited ? await process.StandardError.ReadToEndAsync(cancellationToken) : "(still running)";
            throw new InvalidOperationException($"The aiosmtpd test server did not start on port {Port}: {line} {error}");
        }
    }

    /// <summary>Stops the server, as an outage would: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    /// <summary>Every message accepted so far, oldest first.</summary>
    public IReadOnlyList<DeliveredMail> Delivered()
    {
        var files = new[] { "new", "cur" }
            .Select(folder => Path.Combine(Maildir, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(path => new FileInfo(path))
            .OrderBy(file => file.LastWriteTimeUtc)
            .ThenBy(file => file.Name, StringComparer.Ordinal);
        return [.. files.Select(file => DeliveredMail.Read(file.FullName))];
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have been accepted, and returns them all.</summary>
    /// <exception cref="TimeoutException">Fewer arrived in time; the message says how many.</exception>
    public async Task<IReadOnlyList<DeliveredMail>> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var delivered = Delivered();
            if (delivered.Count >= count)
            {
                return delivered;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP test server received {delivered.Count} of {count} messages within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>A port on 127.0.0.1 that was free a moment ago (the kernel's choice for port 0), for a test server to bind.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A message the SMTP test server accepted, with its envelope.</summary>
internal sealed record DeliveredMail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public static DeliveredMail Read(string path)
    {
        var message = MimeMessage.Load(path);
        var recipients = (message.Headers["X-RcptTo"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new DeliveredMail(message.Headers["X-MailFrom"] ?? "", recipients, message);
    }
}
