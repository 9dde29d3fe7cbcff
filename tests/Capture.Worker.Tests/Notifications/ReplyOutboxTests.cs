using Archive.Store;
using Archive.Store.Audit;
using Archive.Store.Cases;
using Archive.Store.Replies;
using Capture.Testing;
using Capture.Web.Cases;
using Capture.Worker.Hosting;
using Capture.Worker.Notifications.Replies;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Capture.Worker.Tests.Notifications;

/// <summary>
/// The reply outbox against a real SMTP server: a reply sent but not filed (an injected archiving fault), one recorded
/// but never handed over (a crash), one being handed over when Capture stopped, and one the server cannot take.
/// </summary>
public sealed class ReplyOutboxTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reply_SentButFilingFails_IsFiledByTheNextRound_AndSentOnlyOnce()
    {
        using var directory = new TempDirectory();
        const string customer = "filing.fault@example.pl";
        var filing = new FaultyFiling(failures: 1);
        using var host = Build(directory, new FakeTimeProvider(Now), smtp.Settings(), services => services.AddSingleton<IReplyFiling>(provider => filing.Around(ActivatorUtilities.CreateInstance<CaseReplyFiling>(provider))));
        var registration = await ImportAsync(host, directory, customer);
        var store = host.Services.GetRequiredService<ArchiveStore>();

        var returned = await host.Services.GetRequiredService<CaseReplySender>().SendAsync(registration, new ReplyDraft("Your kettle", "We will replace it."), "anna", TestContext.Current.CancellationToken);

        var sent = Assert.Single(store.ListReplies(OutboxReplyState.Sent));
        Assert.Contains("not filed", sent.Problem, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.NotStarted, returned.Status);
        Assert.Null(store.FindCaseByMessageId(sent.MessageId));
        Assert.Single(smtp.DeliveredTo(customer));

        var outbox = host.Services.GetRequiredService<ReplyOutbox>();
        var first = await outbox.RunRoundAsync(TestContext.Current.CancellationToken);
        var documents = store.GetDocuments(returned.Id).Count;
        var second = await outbox.RunRoundAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 0), first);
        Assert.Equal((0, 0), second);
        Assert.Equal(returned.Id, store.FindCaseByMessageId(sent.MessageId)!.Id);
        Assert.Equal(CaseStatus.PendingOnCustomer, store.FindCase(registration)!.Status);
        Assert.Equal(OutboxReplyState.Filed, store.FindReply(sent.MessageId)!.State);
        Assert.Equal(documents, store.GetDocuments(returned.Id).Count);
        Assert.Equal(2, documents);
        Assert.Single(smtp.DeliveredTo(customer));
        Assert.Equal(2, filing.Calls);
        // Filed by the round, long after its writer's request: still theirs, in the history and on the document.
        var reply = store.GetDocuments(returned.Id).Single(d => d.FromCompany);
        Assert.Equal(("anna", customer), (reply.WrittenBy, reply.ContactEmail));
        var history = store.GetHistory(returned.Id);
        Assert.Equal("anna", history.Single(e => e.Kind == CaseEventKinds.StatusChanged).Actor);
        Assert.Equal("anna", history.Single(e => e.Kind == CaseEventKinds.DocumentAdded).Actor);
    }

    [Fact]
    public async Task Reply_RecordedButNeverHandedOver_IsSentOnceByTheRound_AndFiled()
    {
        using var directory = new TempDirectory();
        const string customer = "crash.before.send@example.pl";
        using var host = Build(directory, new FakeTimeProvider(Now), smtp.Settings());
        var registration = await ImportAsync(host, directory, customer);
        var store = host.Services.GetRequiredService<ArchiveStore>();
        var queued = Queue(store, registration, customer);

        var outbox = host.Services.GetRequiredService<ReplyOutbox>();
        var first = await outbox.RunRoundAsync(TestContext.Current.CancellationToken);
        var second = await outbox.RunRoundAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), first);
        Assert.Equal((0, 0), second);
        var delivered = Assert.Single(smtp.DeliveredTo(customer));
        Assert.Equal(queued.MessageId, delivered.Message.MessageId);
        Assert.Equal(OutboxReplyState.Filed, store.FindReply(queued.MessageId)!.State);
        Assert.Equal(registration, store.FindCaseByMessageId(queued.MessageId)!.RegistrationNumber);
    }

    [Fact]
    public async Task Reply_BeingHandedOverWhenCaptureStopped_IsMarkedUncertain_AndNotSentAgain()
    {
        using var directory = new TempDirectory();
        const string customer = "crash.during.send@example.pl";
        string messageId;
        using (var before = Build(directory, new FakeTimeProvider(Now), smtp.Settings()))
        {
            var registration = await ImportAsync(before, directory, customer);
            var store = before.Services.GetRequiredService<ArchiveStore>();
            messageId = Queue(store, registration, customer).MessageId;
            Assert.NotNull(store.MoveReply(store.FindReply(messageId)!.Id, OutboxReplyState.Pending, OutboxReplyState.Sending));
        }

        using var after = Build(directory, new FakeTimeProvider(Now.AddMinutes(5)), smtp.Settings());
        var round = await after.Services.GetRequiredService<ReplyOutbox>().RunRoundAsync(TestContext.Current.CancellationToken);

        var reply = after.Services.GetRequiredService<ArchiveStore>().FindReply(messageId)!;
        Assert.Equal((0, 0), round);
        Assert.Equal(OutboxReplyState.Uncertain, reply.State);
        Assert.Contains("may or may not have left", reply.Problem, StringComparison.Ordinal);
        Assert.Empty(smtp.DeliveredTo(customer));
    }

    [Fact]
    public async Task Reply_TheServerCannotTake_IsTriedAgainWithGrowingWaits_ThenMarkedNotSent()
    {
        using var directory = new TempDirectory();
        const string customer = "server.away@example.pl";
        var time = new FakeTimeProvider(Now);
        var away = smtp.Settings().Select(s => s.Key == "Smtp:Port" ? new KeyValuePair<string, string?>(s.Key, "1") : s)
            .Append(new("Replies:RetryInterval", "00:01:00")).Append(new("Replies:MaxSendAttempts", "3"));
        using var host = Build(directory, time, away);
        var registration = await ImportAsync(host, directory, customer);
        var store = host.Services.GetRequiredService<ArchiveStore>();
        var queued = Queue(store, registration, customer);
        var outbox = host.Services.GetRequiredService<ReplyOutbox>();

        await outbox.RunRoundAsync(TestContext.Current.CancellationToken);
        var afterFirst = store.FindReply(queued.MessageId)!;
        await outbox.RunRoundAsync(TestContext.Current.CancellationToken);
        var notYetDue = store.FindReply(queued.MessageId)!;
        time.Advance(TimeSpan.FromMinutes(1));
        await outbox.RunRoundAsync(TestContext.Current.CancellationToken);
        var afterSecond = store.FindReply(queued.MessageId)!;
        time.Advance(TimeSpan.FromMinutes(2));
        await outbox.RunRoundAsync(TestContext.Current.CancellationToken);
        var afterThird = store.FindReply(queued.MessageId)!;

        Assert.Equal((OutboxReplyState.Pending, 1, Now.AddMinutes(1)), (afterFirst.State, afterFirst.FailedAttempts, afterFirst.NextAttemptAt));
        Assert.Equal(1, notYetDue.FailedAttempts);
        Assert.Equal((OutboxReplyState.Pending, 2, Now.AddMinutes(3)), (afterSecond.State, afterSecond.FailedAttempts, afterSecond.NextAttemptAt));
        Assert.Equal(OutboxReplyState.NotSent, afterThird.State);
        Assert.Contains("after 3 attempt(s)", afterThird.Problem, StringComparison.Ordinal);
        Assert.Null(store.FindCaseByMessageId(queued.MessageId));
    }

    private static IHost Build(TempDirectory directory, FakeTimeProvider time, IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null) =>
        CaptureHostFactory.Build(TestArchive.ForDirectory(directory.Combine("archive"), collection =>
        {
            collection.AddSingleton<TimeProvider>(time);
            services?.Invoke(collection);
        }, new Dictionary<string, string?>(settings)));

    private static async Task<string> ImportAsync(IHost host, TempDirectory directory, string customer)
    {
        var letter = directory.Combine($"letter-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(
            letter,
            $"Imię i nazwisko: Jan Kowalski\nE-mail: {customer}\n\nSzanowni Państwo, czajnik zamówiony 2 listopada 2026 przyszedł uszkodzony i przecieka. " +
            "Proszę o wymianę albo zwrot pieniędzy.\n\nZ poważaniem\nJan Kowalski",
            TestContext.Current.CancellationToken);
        var result = await host.Services.GetRequiredService<CapturePipeline>().CaptureAsync(CaptureItem.ForFile(letter, "import"), TestContext.Current.CancellationToken);
        return result.RegistrationNumber ?? throw new InvalidOperationException($"the letter opened no case: {result.Outcome}");
    }

    /// <summary>A reply recorded in the outbox as the reply page records it, and then nothing: the process died.</summary>
    private static OutboxReply Queue(ArchiveStore store, string registration, string customer)
    {
        var caseRecord = store.FindCase(registration)!;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Shop customer service", "obsluga@shop.example"));
        message.To.Add(MailboxAddress.Parse(customer));
        message.Subject = $"[{registration}] Your kettle";
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("shop.example");
        message.Body = new TextPart("plain") { Text = "We will replace it.\n" };
        using var bytes = new MemoryStream();
        message.WriteTo(bytes, TestContext.Current.CancellationToken);
        return store.QueueReply(new OutboxReply
        {
            CaseId = caseRecord.Id,
            RegistrationNumber = registration,
            MessageId = message.MessageId,
            By = "anna",
            Subject = message.Subject,
            Text = message.Subject + "\n\nWe will replace it.",
            Message = bytes.ToArray(),
        });
    }

    /// <summary>An archiving fault injected on purpose: the first <c>failures</c> filings throw, the rest file for real.</summary>
    private sealed class FaultyFiling(int failures)
    {
        private readonly int _failures = failures;
        private int _calls;

        public int Calls => _calls;

        public IReplyFiling Around(IReplyFiling real) => new Filing(this, real);

        private sealed class Filing(FaultyFiling fault, IReplyFiling real) : IReplyFiling
        {
            public CaseRecord File(OutboxReply reply) =>
                Interlocked.Increment(ref fault._calls) <= fault._failures
                    ? throw new IOException("The archive disk is full (injected).")
                    : real.File(reply);
        }
    }
}
