using Archive.Search;
using System.Text;
using Archive.Store.Intake;
using Capture.Worker.Pipeline;
using Capture.Worker.Sources.Mail;
using Capture.Worker.Tests.Support;
using Capture.Testing;
using MailKit;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Sources.Mail;

public sealed class MailboxCaptureTests(DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Poll_TwoImapFoldersAndAPop3Mailbox_CapturesEachMessageOnce_AndASecondPollNothing()
    {
        var server = dovecot.Server;
        var imapUser = await dovecot.NewUserAsync();
        var popUser = await dovecot.NewUserAsync();
        await server.Mail.AppendManyAsync(imapUser, "INBOX", TestLetters.Range(1, 4), cancellationToken: Cancel);
        await server.Mail.AppendManyAsync(imapUser, "Skargi", TestLetters.Range(5, 3), cancellationToken: Cancel);
        await server.Mail.AppendManyAsync(popUser, "INBOX", TestLetters.Range(8, 3), cancellationToken: Cancel);
        using var archive = new TestArchive();
        var imap = MailboxTestAccounts.Imap(server, imapUser, "INBOX", "Skargi");
        var pop3 = MailboxTestAccounts.Pop3(server, popUser);

        var first = (await MailboxTestAccounts.PollOnceAsync(archive, imap)).Concat(await MailboxTestAccounts.PollOnceAsync(archive, pop3)).ToList();
        var second = (await MailboxTestAccounts.PollOnceAsync(archive, imap)).Concat(await MailboxTestAccounts.PollOnceAsync(archive, pop3)).ToList();

        Assert.Equal(10, first.Count);
        Assert.All(first, r => Assert.Equal(CaptureOutcome.Opened, r.Outcome));
        Assert.Equal(10, first.Select(r => r.RegistrationNumber).Distinct().Count());
        Assert.Equal(10, archive.Store.ListCases().Count);
        Assert.Empty(second);
        Assert.All(first, r => Assert.Equal(IntakeState.Committed, archive.Store.FindClaim(r.Item.SourceKey)!.State));
        Assert.Contains(first, r => r.Item.SourceKey.Contains("/Skargi;UIDVALIDITY=", StringComparison.Ordinal));
        Assert.All(await server.Mail.ListAsync(imapUser, "INBOX", Cancel), m => Assert.True(m.Flags.HasFlag(MessageFlags.Seen)));
        Assert.All(await server.Mail.ListAsync(imapUser, "Skargi", Cancel), m => Assert.True(m.Flags.HasFlag(MessageFlags.Seen)));
        Assert.Equal(0, await server.Mail.CountAsync(popUser, "INBOX", Cancel));
    }

    [Fact]
    public async Task Poll_WithMoveDisposition_MovesOnlyArchivedMessages_AndLeavesAnOversizedOneWithAReason()
    {
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        var letters = TestLetters.Range(20, 3);
        var huge = TestLetters.Create(23);
        huge.Body = new MimeKit.TextPart("plain") { Text = string.Concat(Enumerable.Repeat("Bardzo długa reklamacja. ", 2_000)) };
        letters.Add(huge);
        await server.Mail.AppendManyAsync(user, "INBOX", letters, cancellationToken: Cancel);
        using var archive = new TestArchive();
        var account = MailboxTestAccounts.Imap(server, user);
        account.MaxMessageBytes = 16 * 1024;
        account.Disposition = new MailDispositionOptions { Action = MailDispositionAction.Move, Folder = "Captured" };

        var results = await MailboxTestAccounts.PollOnceAsync(archive, account);
        var again = await MailboxTestAccounts.PollOnceAsync(archive, account);

        var refused = Assert.Single(results, r => r.Outcome == CaptureOutcome.Quarantined);
        Assert.Contains("MaxMessageBytes", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("still on the server", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(3, results.Count(r => r.Outcome == CaptureOutcome.Opened));
        var left = Assert.Single(await server.Mail.ListAsync(user, "INBOX", Cancel));
        Assert.Equal(huge.MessageId, left.MessageId);
        Assert.Equal(
            letters.Take(3).Select(m => m.MessageId).Order(StringComparer.Ordinal),
            (await server.Mail.ListAsync(user, "Captured", Cancel)).Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Empty(again);
        Assert.Single(archive.Store.ListQuarantine());
    }

    [Fact]
    public async Task Poll_AfterTheFolderIsRecreatedWithANewUidValidity_RecordsDuplicates_NotNewCases()
    {
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        await server.Mail.AppendManyAsync(user, "INBOX", TestLetters.Range(30, 3), cancellationToken: Cancel);
        using var archive = new TestArchive();
        var account = MailboxTestAccounts.Imap(server, user);
        account.Disposition = new MailDispositionOptions { Action = MailDispositionAction.Flag, Keyword = "$Captured" };
        var first = await MailboxTestAccounts.PollOnceAsync(archive, account);
        var before = await server.Mail.GetUidValidityAsync(user, "INBOX", Cancel);

        var after = await server.Mail.RecreateFolderAsync(user, "INBOX", Cancel);
        var second = await MailboxTestAccounts.PollOnceAsync(archive, account);

        Assert.NotEqual(before, after);
        Assert.Equal(3, first.Count(r => r.Outcome == CaptureOutcome.Opened));
        Assert.Equal(3, second.Count);
        Assert.All(second, r => Assert.Equal(CaptureOutcome.Duplicate, r.Outcome));
        Assert.Equal(first.Select(r => r.RegistrationNumber).Order(StringComparer.Ordinal), second.Select(r => r.RegistrationNumber).Order(StringComparer.Ordinal));
        Assert.Equal(3, archive.Store.ListCases().Count);
        Assert.All(await server.Mail.ListAsync(user, "INBOX", Cancel), m => Assert.Contains("$Captured", m.Keywords));
    }

    [Fact]
    public async Task Poll_WithFilters_CapturesOnlyMatchingMessages_AndLeavesTheOthersUnread()
    {
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        using var wanted = TestLetters.Create(40, "Reklamacja");
        using var unwanted = TestLetters.Create(41, "Newsletter");
        await server.Mail.AppendManyAsync(user, "INBOX", [wanted, unwanted], cancellationToken: Cancel);
        using var archive = new TestArchive();
        var account = MailboxTestAccounts.Imap(server, user);
        account.Filters = new MailFilterOptions { Senders = ["*@example.com"], Subjects = ["reklamacja*"] };

        var results = await MailboxTestAccounts.PollOnceAsync(archive, account);

        var captured = Assert.Single(results);
        Assert.Equal(CaptureOutcome.Opened, captured.Outcome);
        var messages = await server.Mail.ListAsync(user, "INBOX", Cancel);
        Assert.True(messages.Single(m => m.MessageId == wanted.MessageId).Flags.HasFlag(MessageFlags.Seen));
        Assert.False(messages.Single(m => m.MessageId == unwanted.MessageId).Flags.HasFlag(MessageFlags.Seen));
    }

    [Fact]
    public async Task Poll_SameMessageInTwoMailboxes_SecondIsADuplicateOfTheFirstCase()
    {
        var server = dovecot.Server;
        var first = await dovecot.NewUserAsync();
        var second = await dovecot.NewUserAsync();
        using var letter = TestLetters.Create(50);
        await server.Mail.AppendAsync(first, "INBOX", letter, cancellationToken: Cancel);
        await server.Mail.AppendAsync(second, "INBOX", letter, cancellationToken: Cancel);
        using var archive = new TestArchive();

        var opened = Assert.Single(await MailboxTestAccounts.PollOnceAsync(archive, MailboxTestAccounts.Imap(server, first)));
        var duplicate = Assert.Single(await MailboxTestAccounts.PollOnceAsync(archive, MailboxTestAccounts.Pop3(server, second)));

        Assert.Equal(CaptureOutcome.Opened, opened.Outcome);
        Assert.Equal(CaptureOutcome.Duplicate, duplicate.Outcome);
        Assert.Equal(opened.RegistrationNumber, duplicate.RegistrationNumber);
        Assert.Single(archive.Store.ListCases());
    }

    [Fact]
    public async Task Poll_ReplyWithTheRegistrationNumberInItsSubject_JoinsTheCase()
    {
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        using var letter = TestLetters.Create(60);
        await server.Mail.AppendAsync(user, "INBOX", letter, cancellationToken: Cancel);
        using var archive = new TestArchive();
        var account = MailboxTestAccounts.Imap(server, user);
        var opened = Assert.Single(await MailboxTestAccounts.PollOnceAsync(archive, account));
        using var reply = TestLetters.Create(61);
        reply.Subject = $"Re: [{opened.RegistrationNumber}] {letter.Subject}";
        using var threaded = TestLetters.Create(62);
        threaded.InReplyTo = letter.MessageId;
        await server.Mail.AppendManyAsync(user, "INBOX", [reply, threaded], cancellationToken: Cancel);

        var followUps = await MailboxTestAccounts.PollOnceAsync(archive, account);

        Assert.Equal(2, followUps.Count);
        Assert.All(followUps, r =>
        {
            Assert.Equal(CaptureOutcome.Joined, r.Outcome);
            Assert.Equal(opened.RegistrationNumber, r.RegistrationNumber);
        });
        Assert.Single(archive.Store.ListCases());
    }

    [Fact]
    public async Task Poll_OverSeveralGroupsInFlight_CapturesEachOnceInOrder_AndAReplyJoinsTheCaseAnEarlierGroupOpened()
    {
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        var letters = TestLetters.Range(70, 9);
        using var reply = TestLetters.Create(79);
        reply.InReplyTo = letters[1].MessageId;
        await server.Mail.AppendManyAsync(user, "INBOX", [.. letters, reply], cancellationToken: Cancel);
        using var archive = new TestArchive();
        // Groups of three: while one is downloaded, the one before is committed and the one before that indexed.
        var account = MailboxTestAccounts.Imap(server, user, groupSize: 3);

        var results = await MailboxTestAccounts.PollOnceAsync(archive, account);
        archive.Host.Services.GetRequiredService<CaseIndexer>().Flush();

        Assert.Equal(10, results.Count);
        Assert.Equal([.. Enumerable.Range(1, 10).Select(uid => $";UID={uid}")], results.Select(r => r.Item.SourceKey[r.Item.SourceKey.LastIndexOf(';')..]).ToList());
        Assert.All(results.Take(9), r => Assert.Equal(CaptureOutcome.Opened, r.Outcome));
        Assert.Equal(CaptureOutcome.Joined, results[9].Outcome);
        Assert.Equal(results[1].RegistrationNumber, results[9].RegistrationNumber);
        Assert.Equal(9, archive.Store.ListCases().Count);
        Assert.Equal(10, archive.Index.DocumentCount);
        Assert.Equal(results[1].RegistrationNumber, archive.Index.Search(new SearchRequest("order:ZAM/2026/00079")).Hits.Single().RegistrationNumber);
        Assert.All(await server.Mail.ListAsync(user, "INBOX", Cancel), m => Assert.True(m.Flags.HasFlag(MessageFlags.Seen)));
        Assert.Empty(await MailboxTestAccounts.PollOnceAsync(archive, account));
    }

    [Fact]
    public async Task Poll_OverTls_TrustsTheServerOnlyByItsPinnedFingerprint()
    {
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        using var letter = TestLetters.Create(70);
        await server.Mail.AppendAsync(user, "INBOX", letter, cancellationToken: Cancel);
        using var archive = new TestArchive();
        var account = MailboxTestAccounts.Imap(server, user);
        account.Security = MailSecurity.Tls;
        account.Port = server.Ports.Imaps;

        await Assert.ThrowsAsync<MailKit.Security.SslHandshakeException>(() => MailboxTestAccounts.PollOnceAsync(archive, account));
        account.CertificateFingerprint = MailConnection.Fingerprint(server.Certificate);
        var results = await MailboxTestAccounts.PollOnceAsync(archive, account);

        Assert.Equal(CaptureOutcome.Opened, Assert.Single(results).Outcome);
    }

    [Fact]
    public async Task Poll_Pop3QuarantinesInTwoPolls_EachRecordKeepsItsOwnMessage_ThoughPop3NamesBothPop3_1()
    {
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        using var archive = new TestArchive();
        var pop3 = MailboxTestAccounts.Pop3(server, user);

        var kept = new List<(string Subject, CaptureResult Result)>();
        foreach (var subject in (string[])["Out of office: Anna", "Out of office: Piotr"])
        {
            await server.Mail.AppendAsync(user, "INBOX", AutoReply(subject), cancellationToken: Cancel);
            kept.Add((subject, Assert.Single(await MailboxTestAccounts.PollOnceAsync(archive, pop3))));
        }

        Assert.All(kept, k => Assert.Equal(("pop3-1.eml", CaptureOutcome.Quarantined), (k.Result.Item.OriginalFileName, k.Result.Outcome)));
        var records = archive.Store.ListQuarantine();
        Assert.Equal(2, records.Count);
        foreach (var (subject, result) in kept)
        {
            var record = Assert.Single(records, r => r.SourceKey == result.Item.SourceKey);
            using var copy = await MimeMessage.LoadAsync(record.QuarantinedPath!, Cancel);
            Assert.Equal(subject, copy.Subject);
        }
    }

    [Fact]
    public async Task Poll_AfterAStopBetweenTheQuarantineRecordAndItsCopy_KeepsTheServersBytesOnce_WithoutASecondRecord()
    {
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        using var archive = new TestArchive();
        // Left on the server, as a message is when the service stopped before its disposition. (POP3 lists every message
        // at each poll; an IMAP folder's watermark, which moves only after the bytes are kept, would list it again likewise.)
        var pop3 = MailboxTestAccounts.Pop3(server, user);
        pop3.Disposition = new MailDispositionOptions { Action = MailDispositionAction.None };
        await server.Mail.AppendAsync(user, "INBOX", AutoReply("Out of office: Ewa"), cancellationToken: Cancel);
        var first = Assert.Single(await MailboxTestAccounts.PollOnceAsync(archive, pop3));
        var record = Assert.Single(archive.Store.ListQuarantine());
        // The stop came after the record was committed and before the bytes were moved: the record names a copy that is not there.
        File.Delete(record.QuarantinedPath!);
        File.Delete(record.QuarantinedPath + ".reason.txt");

        var recovered = Assert.Single(await MailboxTestAccounts.PollOnceAsync(archive, pop3));
        var third = await MailboxTestAccounts.PollOnceAsync(archive, pop3);

        Assert.Equal(CaptureOutcome.Quarantined, first.Outcome);
        Assert.Equal((CaptureOutcome.Quarantined, record.Reason), (recovered.Outcome, recovered.Reason));
        Assert.Equal([record.Id], archive.Store.ListQuarantine().Select(r => r.Id));
        using var copy = await MimeMessage.LoadAsync(record.QuarantinedPath!, Cancel);
        Assert.Equal("Out of office: Ewa", copy.Subject);
        Assert.Equal(record.Reason + Environment.NewLine, await File.ReadAllTextAsync(record.QuarantinedPath + ".reason.txt", Cancel));
        Assert.Empty(third);
        Assert.Empty(archive.Store.ListCases());
    }

    private static byte[] AutoReply(string subject) => Encoding.UTF8.GetBytes(
        "From: Anna Nowak <anna@example.com>\r\nTo: reklamacje@example.com\r\n" +
        $"Subject: {subject}\r\nAuto-Submitted: auto-replied\r\n\r\nI am away until Monday and will read your message then.\r\n");

    [Fact]
    public async Task Poll_EveryCorpusMessage_IsCapturedOrRecordedWithAReason_AndBouncesOpenNoCase()
    {
        var corpus = Path.Combine(TestCorpus.RequireDirectory(), "mail");
        var server = dovecot.Server;
        var user = await dovecot.NewUserAsync();
        var files = Directory.EnumerateFiles(corpus, "*.eml").Order(StringComparer.Ordinal).ToList();
        // Delivered as a local delivery agent would, byte for byte into the maildir: some of these messages are too
        // broken for an IMAP client library to parse and APPEND, yet a server accepts them from the world.
        Assert.Equal(0, await server.Mail.CountAsync(user, "INBOX", Cancel));
        var maildir = Path.Combine(server.RootDirectory, "mail", user, "Maildir", "new");
        for (var i = 0; i < files.Count; i++)
        {
            File.Copy(files[i], Path.Combine(maildir, $"{1_700_000_000 + i}.corpus{i}.capture-test"));
        }

        using var archive = new TestArchive();
        var results = await MailboxTestAccounts.PollOnceAsync(archive, MailboxTestAccounts.Imap(server, user));

        Assert.Equal(files.Count, results.Count);
        Assert.All(results, r => Assert.True(
            r.Outcome is CaptureOutcome.Opened or CaptureOutcome.Joined or CaptureOutcome.Duplicate || !string.IsNullOrWhiteSpace(r.Reason),
            r.Item.SourceKey));
        var automatic = results.Where(r => r.Reason?.Contains("not a customer message", StringComparison.Ordinal) == true).ToList();
        Assert.True(automatic.Count >= 3, $"Expected the bounce, delivery-status and read-receipt samples to be recognised; found {automatic.Count}.");
        Assert.All(automatic, r => Assert.Null(r.RegistrationNumber));
        Assert.Equal(results.Count(r => r.Outcome == CaptureOutcome.Quarantined), archive.Store.ListQuarantine().Count);
        Assert.All(archive.Store.ListQuarantine(), q => Assert.True(File.Exists(q.QuarantinedPath), q.QuarantinedPath));
        Assert.Empty(await MailboxTestAccounts.PollOnceAsync(archive, MailboxTestAccounts.Imap(server, user)));
        TestContext.Current.SendDiagnosticMessage(
            $"Corpus via IMAP: {files.Count} messages, " + string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Count()} {g.Key}")) + $", {automatic.Count} not from customers.");
    }
}
