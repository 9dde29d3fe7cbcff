using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Capture.Testing;
using Capture.Testing.Mail;
using Capture.Web.Security;
using Capture.Worker.Cli;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Operations;

/// <summary>
/// No secret reaches anything a full <c>capture run</c> writes. The real program runs twice on one archive with
/// distinctive secrets from the environment (a <c>PasswordVariable</c>, the configuration key
/// <c>CAPTURE_Mailboxes__2__Password</c>, a password hash in <c>Web__Users__1__PasswordHash</c> that overrides an old one in
/// <c>capture.json</c>) and from <c>capture.json</c> (a POP3 password, a password hash): it captures from a real Dovecot over IMAP and POP3, is refused
/// by a mailbox whose password is wrong, sends acknowledgements and a reply through a real SMTP server that requires a
/// sign-in (AUTH PLAIN/LOGIN), and serves people signing in to the web UI over HTTP with right and wrong passwords; the
/// second run has a wrong SMTP password. Then standard output and error, every file in the archive (rolling logs, the
/// database and its log, quarantine reasons), the quarantine list, each case as <c>capture case show --json</c> prints
/// it and the web's answers are searched for every password, its base64 forms, the password hashes, the cookies and the
/// anti-forgery tokens. The logs must also hold the events that describe those sign-ins, so the search is not vacuous.
/// </summary>
public sealed partial class SecretsInServiceLogsTests(DovecotFixture dovecot) : IClassFixture<DovecotFixture>, IDisposable
{
    // The first service of a test run may train the shared category model first (a minute or more under load).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private const string ImapPasswordVariable = "CAPTURE_TEST_IMAP_PASSWORD";
    private const string SmtpPasswordVariable = "CAPTURE_TEST_SMTP_PASSWORD";
    private const string SmtpUser = "capture-smtp";
    private const string PiotrHashVariable = "Web__Users__1__PasswordHash";

    private readonly TempDirectory _directory = new();
    private readonly SecretValues _secrets = new();
    private readonly List<(string Where, string Text)> _written = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_SigningInToMailboxesSmtpAndWebRightAndWrong_NoSecretInLogsOutputOrArchive()
    {
        await TestArchive.EnsureSharedModelAsync();
        var imap = await NewMailUserAsync("imapenv", "IMAP password (PasswordVariable)");
        var pop3 = await NewMailUserAsync("pop3file", "POP3 password (capture.json)");
        var refused = await NewMailUserAsync("refused", null);
        var wrongImap = _secrets.AddPassword("wrong IMAP password (CAPTURE_Mailboxes__2__Password)", refused, Secret("wrongimap"));
        var smtpPassword = _secrets.AddPassword("SMTP password (PasswordVariable)", SmtpUser, Secret("smtpenv"));
        var wrongSmtp = _secrets.AddPassword("wrong SMTP password", SmtpUser, Secret("wrongsmtp"));
        var anna = _secrets.Add("anna's web password", Secret("webanna"));
        var piotr = _secrets.Add("piotr's web password", Secret("webpiotr"));
        var wrongWeb = _secrets.Add("wrong web password", Secret("wrongweb"));
        var annaHash = _secrets.Add("anna's password hash (capture.json)", WebPasswords.Hash(anna));
        var piotrHash = _secrets.Add("piotr's password hash (Web__Users__1__PasswordHash)", WebPasswords.Hash(piotr));
        var piotrOldHash = _secrets.Add("piotr's old password hash (capture.json, overridden)", WebPasswords.Hash(Secret("oldpiotr")));

        await using var smtp = await SmtpSink.StartAsync(new NetworkCredential(SmtpUser, smtpPassword), Cancel);
        var web = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{SmtpSink.FreePort()}"));
        var workingDirectory = await WriteCaptureJsonAsync(pop3, annaHash, piotrOldHash);
        var settings = Settings(imap, refused, wrongImap, smtp.Port, web);
        await AppendLetterAsync(imap, 1);
        await AppendLetterAsync(pop3, 2);
        await AppendLetterAsync(refused, 3);
        await File.WriteAllTextAsync(Path.Combine(Drop, "broken.pdf"), "%PDF-1.7 this is not a PDF", Cancel);

        var cases = new List<string>();
        using (var service = CaptureService.Start(Archive, settings, new Dictionary<string, string> { [ImapPasswordVariable] = Password(imap), [SmtpPasswordVariable] = smtpPassword, [PiotrHashVariable] = piotrHash }, workingDirectory))
        {
            using var session = new WebSignIn(web);
            await service.WaitForCapturesAsync(2, Patience, Cancel);
            await smtp.WaitForAsync(2, Patience, Cancel);
            await WaitForLogAsync(service, $"the server refused the sign-in as {refused}");
            await WaitForLogAsync(service, "Quarantined broken.pdf");
            await session.WaitUntilServedAsync(service, Patience, Cancel);

            Assert.Equal(HttpStatusCode.Unauthorized, await session.SignInAsync("anna", wrongWeb, Cancel));
            Assert.Equal(HttpStatusCode.Redirect, await session.SignInAsync("anna", anna, Cancel));
            cases.AddRange(CasesIn(service.Log));
            var (status, answer) = await session.PostJsonAsync($"/api/cases/{cases[0]}/replies", new { subject = "Your complaint", body = "We are sending a new kettle." }, Cancel);
            Assert.True(status == HttpStatusCode.OK, $"{(int)status} {answer}");
            await smtp.WaitForAsync(3, Patience, Cancel);
            using (var other = new WebSignIn(web))
            {
                Assert.Equal(HttpStatusCode.Redirect, await other.SignInAsync("piotr", piotr, Cancel));
                AddGivenSecrets(other);
            }

            AddGivenSecrets(session);
            _written.Add(("the answer to a reply", answer));
            await service.StopAsync(Cancel);
            _written.Add(("the first run's standard output and error", service.Log));
        }

        await AppendLetterAsync(imap, 4);
        using (var service = CaptureService.Start(Archive, settings, new Dictionary<string, string> { [ImapPasswordVariable] = Password(imap), [SmtpPasswordVariable] = wrongSmtp, [PiotrHashVariable] = piotrHash }, workingDirectory))
        {
            using var session = new WebSignIn(web);
            await service.WaitForCapturesAsync(1, Patience, Cancel);
            await WaitForLogAsync(service, $"refused Capture's sign-in as {SmtpUser}");
            await session.WaitUntilServedAsync(service, Patience, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, await session.SignInAsync("anna", anna, Cancel));
            var (status, answer) = await session.PostJsonAsync($"/api/cases/{cases[0]}/replies", new { subject = "Your complaint", body = "A second reply." }, Cancel);
            Assert.True(status == HttpStatusCode.BadGateway, $"{(int)status} {answer}");
            Assert.Contains("refused Capture's sign-in", answer, StringComparison.Ordinal);
            cases.AddRange(CasesIn(service.Log));
            AddGivenSecrets(session);
            _written.Add(("the answer to a reply the server refused", answer));
            await service.StopAsync(Cancel);
            _written.Add(("the second run's standard output and error", service.Log));
        }

        await AddArchiveRecordsAsync(cases);
        AssertLogDescribesTheSignIns(refused);
        var found = _written.SelectMany(w => _secrets.FoundIn(w.Where, w.Text)).Concat(_secrets.FoundInFiles(Archive)).ToList();
        Assert.True(found.Count == 0, "secrets found:\n" + string.Join('\n', found));
    }

    public void Dispose() => _directory.Dispose();

    private string Archive => _directory.Combine("archive");

    private string Drop => Directory.CreateDirectory(_directory.Combine("drop")).FullName;

    private string Password(string user) => dovecot.Server.CredentialsOf(user).Password;

    /// <summary>Lower-case letters and digits only, so that it would be found even as a search index's term.</summary>
    private static string Secret(string what) => what + Guid.NewGuid().ToString("N");

    /// <summary>A Dovecot user with a distinctive password, added to the secrets unless <paramref name="secretName"/> is null (its password is never given to Capture).</summary>
    private async Task<string> NewMailUserAsync(string prefix, string? secretName)
    {
        var user = prefix + Guid.NewGuid().ToString("N")[..8];
        var password = Secret(prefix + "pw");
        await dovecot.Server.AddUserAsync(user, password, Cancel);
        if (secretName is not null)
        {
            _secrets.AddPassword(secretName, user, password);
        }

        return user;
    }

    private async Task AppendLetterAsync(string user, int number)
    {
        using var letter = TestLetters.Create(number, "Secrets");
        await dovecot.Server.Mail.AppendAsync(user, "INBOX", letter, cancellationToken: Cancel);
    }

    /// <summary>
    /// The POP3 mailbox (index 0, with its password) and the web accounts come from <c>capture.json</c>: anna's with her
    /// hash, piotr's with an old hash that the environment's <see cref="PiotrHashVariable"/> overrides.
    /// </summary>
    private async Task<string> WriteCaptureJsonAsync(string pop3User, string annaHash, string piotrOldHash)
    {
        var folder = Directory.CreateDirectory(_directory.Combine("working")).FullName;
        var json = JsonSerializer.Serialize(new
        {
            Mailboxes = new[]
            {
                new
                {
                    Name = "pop3-file", Protocol = "Pop3", Host = DovecotServer.Host, Port = dovecot.Server.Ports.Pop3, Security = "None",
                    User = pop3User, Password = Password(pop3User), PollInterval = "00:00:01", ReconnectDelay = "00:00:00.5", MaxReconnectDelay = "00:00:02",
                    Disposition = new { Action = "None" },
                },
            },
            Web = new
            {
                Users = new[]
                {
                    new { Login = "anna", PasswordHash = annaHash, Roles = new[] { "supervisor" } },
                    new { Login = "piotr", PasswordHash = piotrOldHash, Roles = new[] { "handler" } },
                },
            },
        });
        await File.WriteAllTextAsync(Path.Combine(folder, "capture.json"), json, Cancel);
        return folder;
    }

    /// <summary>The rest of the configuration, as <c>CAPTURE_*</c> environment variables.</summary>
    private Dictionary<string, string> Settings(string imapUser, string refusedUser, string wrongImap, int smtpPort, Uri web)
    {
        var settings = new Dictionary<string, string>
        {
            ["Mailboxes__2__Password"] = wrongImap,
            ["Mailboxes__1__PasswordVariable"] = ImapPasswordVariable,
            ["DropFolders__0__Name"] = "scanner",
            ["DropFolders__0__Path"] = Drop,
            ["DropFolders__0__StableFor"] = "00:00:00.2",
            ["DropFolders__0__ScanInterval"] = "00:00:00.3",
            ["Smtp__Host"] = SmtpSink.Host,
            ["Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Smtp__User"] = SmtpUser,
            ["Smtp__PasswordVariable"] = SmtpPasswordVariable,
            ["Smtp__From"] = "obsluga@shop.example",
            ["Smtp__Timeout"] = "00:00:10",
            ["Acknowledgements__Enabled"] = "true",
            ["Acknowledgements__CompanyName"] = "Shop",
            ["Web__Enabled"] = "true",
            ["Web__Urls"] = web.GetLeftPart(UriPartial.Authority),
            ["Capture__IndexCommitInterval"] = "00:00:00.2",
            // More than an operator logs, so that more code paths have their chance to leak.
            ["Serilog__MinimumLevel__Default"] = "Debug",
            ["Serilog__MinimumLevel__Override__Microsoft"] = "Information",
        };
        foreach (var (index, name, user) in new[] { (1, "imap-env", imapUser), (2, "refused", refusedUser) })
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Mailboxes__{index}__");
            settings[prefix + "Name"] = name;
            settings[prefix + "Host"] = DovecotServer.Host;
            settings[prefix + "Port"] = dovecot.Server.Ports.Imap.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Security"] = "None";
            settings[prefix + "User"] = user;
            settings[prefix + "ReconnectDelay"] = "00:00:00.5";
            settings[prefix + "MaxReconnectDelay"] = "00:00:02";
        }

        return settings;
    }

    private void AddGivenSecrets(WebSignIn session)
    {
        foreach (var (name, value) in session.GivenSecrets)
        {
            _secrets.Add(name, value);
        }
    }

    /// <summary>What the archive says in words about its items: the quarantine list and each case with its acknowledgement, replies and history.</summary>
    private async Task AddArchiveRecordsAsync(IEnumerable<string> cases)
    {
        foreach (var args in cases.Distinct(StringComparer.Ordinal).Select(reg => (string[])["case", "show", reg, "--json"]).Prepend(["quarantine", "list", "--all", "--json"]))
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CaptureCommandLine.InvokeAsync([.. args, "--archive", Archive], output, error, new Dictionary<string, string?> { ["Classifier:ModelPath"] = TestArchive.SharedModelPath }, Cancel);
            Assert.True(exit == 0, $"capture {string.Join(' ', args)}: {output}{error}");
            _written.Add(($"capture {string.Join(' ', args)}", output.ToString() + error));
        }
    }

    /// <summary>The log must tell what happened, or finding no secret in it would prove nothing.</summary>
    private void AssertLogDescribesTheSignIns(string refusedUser)
    {
        var logText = string.Concat(Directory.EnumerateFiles(Path.Combine(Archive, "logs"), "*.log").Order(StringComparer.Ordinal).Select(path => Encoding.UTF8.GetString(SecretValues.ReadShared(path))));
        foreach (var expected in (string[])[
            $"mail:refused: the server refused the sign-in as {refusedUser}", "check the password in the configuration (Password of mailbox refused)",
            $"refused Capture's sign-in as {SmtpUser}", "Captured C-", "from mail:imap-env", "from mail:pop3-file", "Acknowledged C-",
            "Web sign-in refused for anna", "Web sign-in of anna", "Web sign-in of piotr", "Quarantined broken.pdf"])
        {
            Assert.True(logText.Contains(expected, StringComparison.Ordinal), $"the log lacks \"{expected}\":\n{logText}");
        }

        // A refused sign-in is not an outage: what waits for the server says why.
        Assert.Contains("server refused Capture's sign-in; ", logText, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be reached", logText, StringComparison.Ordinal);
    }

    private static async Task WaitForLogAsync(CaptureService service, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!service.Log.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(service.HasExited, "capture run exited early:\n" + service.Log);
            Assert.True(DateTime.UtcNow < deadline, $"capture run did not log \"{text}\" in time:\n" + service.Log);
            await Task.Delay(50, Cancel);
        }
    }

    private static IEnumerable<string> CasesIn(string log) => RegistrationNumber().Matches(log).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"Captured (C-\d{4}-\d{6}) from", RegexOptions.None, 1000)]
    private static partial Regex RegistrationNumber();
}
