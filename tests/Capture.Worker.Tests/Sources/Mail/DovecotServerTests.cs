using System.Diagnostics;
using System.Text;
using Capture.Testing.Mail;
using Capture.Worker.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;
using MimeKit;

namespace Capture.Worker.Tests.Sources.Mail;

/// <summary>
/// The Dovecot fixture the mailbox sources are tested against: real IMAP and POP3 logins over plain, STARTTLS and
/// implicit TLS, mail put in and listed, UIDVALIDITY changes, restarts and dropped sessions.
/// </summary>
public sealed class DovecotServerTests(DovecotFixture fixture) : IClassFixture<DovecotFixture>
{
    private DovecotServer Server => fixture.Server;

    private MailboxClient Mail => fixture.Server.Mail;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Plain, STARTTLS on the plain port, and implicit TLS on the TLS port.</summary>
    public static TheoryData<SecureSocketOptions> EverySecurity =>
        new(SecureSocketOptions.None, SecureSocketOptions.StartTls, SecureSocketOptions.SslOnConnect);

    [Theory]
    [MemberData(nameof(EverySecurity))]
    public async Task Imap_UserLogsIn_OverPlainStartTlsAndImplicitTls(SecureSocketOptions security)
    {
        var user = await fixture.NewUserAsync();
        using var client = new ImapClient();
        var presented = PinTo(client);

        await client.ConnectAsync(DovecotServer.Host, security == SecureSocketOptions.SslOnConnect ? Server.Ports.Imaps : Server.Ports.Imap, security, Cancellation);
        await client.AuthenticateAsync(Server.CredentialsOf(user), Cancellation);

        Assert.True(client.IsAuthenticated);
        Assert.Equal(security != SecureSocketOptions.None, client.IsSecure);
        Assert.Equal(security == SecureSocketOptions.None ? null : Server.Certificate.Thumbprint, presented.Thumbprint);
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.Idle), "IDLE is offered");
        Assert.True(client.Capabilities.HasFlag(ImapCapabilities.UidPlus), "UIDPLUS is offered");
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, Cancellation);
        Assert.Equal(0, client.Inbox.Count);
        await client.DisconnectAsync(quit: true, Cancellation);
    }

    [Theory]
    [MemberData(nameof(EverySecurity))]
    public async Task Pop3_UserLogsIn_AndSeesInboxWithConfiguredUidls(SecureSocketOptions security)
    {
        var user = await fixture.NewUserAsync();
        using var first = Letter("first@capture.test");
        using var second = Letter("second@capture.test");
        var uids = await Mail.AppendManyAsync(user, "INBOX", [first, second], cancellationToken: Cancellation);
        var uidValidity = await Mail.GetUidValidityAsync(user, "INBOX", Cancellation);
        using var client = new Pop3Client();
        var presented = PinTo(client);

        await client.ConnectAsync(DovecotServer.Host, security == SecureSocketOptions.SslOnConnect ? Server.Ports.Pop3s : Server.Ports.Pop3, security, Cancellation);
        await client.AuthenticateAsync(Server.CredentialsOf(user), Cancellation);

        Assert.Equal(security != SecureSocketOptions.None, client.IsSecure);
        Assert.Equal(security == SecureSocketOptions.None ? null : Server.Certificate.Thumbprint, presented.Thumbprint);
        Assert.Equal(2, client.Count);
        // pop3_uidl_format = %08Xu%08Xv: the IMAP UID, then the UIDVALIDITY, in (lower-case) hex.
        Assert.Equal(uids.Select(uid => $"{uid.Id:x8}{uidValidity:x8}"), await client.GetMessageUidsAsync(Cancellation));
        await client.DisconnectAsync(quit: true, Cancellation);
    }

    [Fact]
    public async Task Tls_ClientNotTrustingTheFixtureCertificate_RefusesTheServer()
    {
        using var systemRootsOnly = new ImapClient();
        using var otherCertificate = SelfSignedCertificate.Create();
        using var pinnedElsewhere = new ImapClient { ServerCertificateValidationCallback = otherCertificate.Validate };

        await Assert.ThrowsAsync<SslHandshakeException>(
            () => systemRootsOnly.ConnectAsync(DovecotServer.Host, Server.Ports.Imaps, SecureSocketOptions.SslOnConnect, Cancellation));
        await Assert.ThrowsAsync<SslHandshakeException>(
            () => pinnedElsewhere.ConnectAsync(DovecotServer.Host, Server.Ports.Imap, SecureSocketOptions.StartTls, Cancellation));
    }

    [Fact]
    public async Task AddUser_WhileRunning_LogsInAtOnceAndOnlyWithItsPassword()
    {
        // Added and used within a second, which a single passwd-file would not allow: Dovecot reads one at most once a second.
        string[] users = [await fixture.NewUserAsync(), await fixture.NewUserAsync(), await fixture.NewUserAsync()];

        foreach (var user in users)
        {
            using var client = await Mail.ConnectImapAsync(user, cancellationToken: Cancellation);
            Assert.True(client.IsAuthenticated);
        }

        using var intruder = new ImapClient();
        await intruder.ConnectAsync(DovecotServer.Host, Server.Ports.Imap, SecureSocketOptions.None, Cancellation);
        await Assert.ThrowsAsync<AuthenticationException>(() => intruder.AuthenticateAsync(users[0], "wrong password", Cancellation));
    }

    [Fact]
    public async Task Append_MessagesWithFlagsAndKeywords_AreListedWithThem()
    {
        var user = await fixture.NewUserAsync();
        var raw = Encoding.ASCII.GetBytes(
            "From: Anna Nowak <anna@capture.test>\r\nTo: complaints@capture.test\r\nSubject: Broken kettle\r\n" +
            "Message-ID: <raw@capture.test>\r\nDate: Mon, 23 Nov 2026 09:00:00 +0100\r\n\r\nThe kettle leaks.\r\n");
        using var letter = Letter("letter@capture.test");

        var first = await Mail.AppendAsync(user, "INBOX", letter, MessageFlags.Seen, cancellationToken: Cancellation);
        var second = await Mail.AppendAsync(user, "INBOX", raw, MessageFlags.Flagged | MessageFlags.Answered, ["$Label1", "Capture-Claimed"], Cancellation);
        await Mail.AppendAsync(user, "Archive/2026", raw, cancellationToken: Cancellation);

        var inbox = await Mail.ListAsync(user, "INBOX", Cancellation);
        Assert.Collection(
            inbox,
            message =>
            {
                Assert.Equal(first, message.Uid);
                Assert.Equal(MessageFlags.Seen, message.Flags);
                Assert.Empty(message.Keywords);
                Assert.Equal("letter@capture.test", message.MessageId);
            },
            message =>
            {
                Assert.Equal(second, message.Uid);
                Assert.Equal(MessageFlags.Flagged | MessageFlags.Answered, message.Flags);
                Assert.Equal(["$Label1", "Capture-Claimed"], message.Keywords.Order(StringComparer.Ordinal));
                Assert.Equal("raw@capture.test", message.MessageId);
                Assert.Equal(raw.Length, message.Size);
            });
        Assert.Equal(2, await Mail.CountAsync(user, "INBOX", Cancellation));
        Assert.Equal(1, await Mail.CountAsync(user, "Archive/2026", Cancellation));
    }

    [Fact]
    public async Task AppendMany_AThousandMessages_ArriveInOrderOverOneConnection()
    {
        const int Count = 1000;
        var user = await fixture.NewUserAsync();
        var stopwatch = Stopwatch.StartNew();

        var uids = await Mail.AppendManyAsync(user, "Bulk", Enumerable.Range(1, Count).Select(i => Letter($"bulk-{i}@capture.test")), cancellationToken: Cancellation);

        TestContext.Current.SendDiagnosticMessage($"Appended {Count} messages in {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (uint)i), uids.Select(uid => uid.Id));
        var listed = await Mail.ListAsync(user, "Bulk", Cancellation);
        Assert.Equal("bulk-1000@capture.test", listed[^1].MessageId);
    }

    [Theory]
    [InlineData("INBOX")]
    [InlineData("Processed")]
    public async Task RecreateFolder_KeepsTheMessages_UnderANewUidValidity(string folder)
    {
        var user = await fixture.NewUserAsync();
        using var first = Letter("first@capture.test");
        using var second = Letter("second@capture.test");
        await Mail.AppendAsync(user, folder, first, MessageFlags.Seen, ["$Label1"], Cancellation);
        await Mail.AppendAsync(user, folder, second, cancellationToken: Cancellation);
        var before = await Mail.GetUidValidityAsync(user, folder, Cancellation);
        var listedBefore = await Mail.ListAsync(user, folder, Cancellation);

        var after = await Mail.RecreateFolderAsync(user, folder, Cancellation);

        Assert.NotEqual(before, after);
        Assert.Equal(after, await Mail.GetUidValidityAsync(user, folder, Cancellation));
        var listedAfter = await Mail.ListAsync(user, folder, Cancellation);
        Assert.Equal([1u, 2u], listedAfter.Select(m => m.Uid.Id));
        Assert.Equal(listedBefore.Select(Content), listedAfter.Select(Content));
    }

    [Fact]
    public async Task Restart_DropsSessions_AndANewConnectionFindsTheMail()
    {
        var user = await fixture.NewUserAsync();
        using var letter = Letter("before-restart@capture.test");
        await Mail.AppendAsync(user, "INBOX", letter, cancellationToken: Cancellation);
        using var open = await Mail.ConnectImapAsync(user, cancellationToken: Cancellation);
        await open.Inbox.OpenAsync(FolderAccess.ReadOnly, Cancellation);
        var ports = Server.Ports;

        var stopwatch = Stopwatch.StartNew();
        await Server.RestartAsync(Cancellation);
        TestContext.Current.SendDiagnosticMessage($"Dovecot restarted in {stopwatch.ElapsedMilliseconds} ms");

        await AssertDroppedAsync(() => open.NoOpAsync(Cancellation));
        Assert.Equal(ports, Server.Ports);
        using var again = await Mail.ConnectImapAsync(user, SecureSocketOptions.StartTls, Cancellation);
        await again.Inbox.OpenAsync(FolderAccess.ReadOnly, Cancellation);
        Assert.Equal(1, again.Inbox.Count);
        Assert.Equal("before-restart@capture.test", (await Mail.ListAsync(user, "INBOX", Cancellation)).Single().MessageId);
    }

    [Fact]
    public async Task Kick_DropsTheUsersImapAndPop3Sessions_AndNoOneElses()
    {
        var user = await fixture.NewUserAsync();
        var bystander = await fixture.NewUserAsync();
        using var imap = await Mail.ConnectImapAsync(user, cancellationToken: Cancellation);
        await imap.Inbox.OpenAsync(FolderAccess.ReadWrite, Cancellation);
        using var pop3 = await Mail.ConnectPop3Async(user, SecureSocketOptions.SslOnConnect, Cancellation);
        using var other = await Mail.ConnectImapAsync(bystander, cancellationToken: Cancellation);

        var dropped = await Server.KickAsync(user, Cancellation);

        Assert.Equal(2, dropped);
        await AssertDroppedAsync(() => imap.NoOpAsync(Cancellation));
        await AssertDroppedAsync(() => pop3.NoOpAsync(Cancellation));
        await other.NoOpAsync(Cancellation);
        Assert.True(other.IsConnected);
    }

    private static MimeMessage Letter(string messageId)
    {
        var message = new MimeMessage
        {
            Subject = "Complaint " + messageId,
            MessageId = messageId,
            Body = new TextPart("plain") { Text = "My order 12345 arrived broken." },
        };
        message.From.Add(new MailboxAddress("Anna Nowak", "anna@capture.test"));
        message.To.Add(new MailboxAddress("Complaints", "complaints@capture.test"));
        return message;
    }

    private static (string? MessageId, MessageFlags Flags, string Keywords, long Size) Content(StoredMessage message) =>
        (message.MessageId, message.Flags, string.Join(' ', message.Keywords.Order(StringComparer.Ordinal)), message.Size);

    /// <summary>Makes the client trust only the fixture's certificate and records the certificate the server showed.</summary>
    private PresentedCertificate PinTo(MailService client)
    {
        var presented = new PresentedCertificate();
        client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
        {
            presented.Thumbprint = certificate?.GetCertHashString();
            return Server.ValidateServerCertificate(sender, certificate, chain, errors);
        };
        return presented;
    }

    /// <summary>
    /// A dropped session fails its next command. POP3 may first read Dovecot's farewell (<c>-ERR Server shutting
    /// down</c>) as the command's answer; the command after that finds the connection closed.
    /// </summary>
    private static async Task AssertDroppedAsync(Func<Task> nextCommand)
    {
        var exception = await Record.ExceptionAsync(nextCommand);
        if (exception is CommandException)
        {
            exception = await Record.ExceptionAsync(nextCommand);
        }

        Assert.True(
            exception is ProtocolException or IOException or ServiceNotConnectedException,
            $"expected the session to be gone, got {exception?.GetType().Name ?? "no exception"}: {exception?.Message}");
    }

    private sealed class PresentedCertificate
    {
        public string? Thumbprint { get; set; }
    }
}
