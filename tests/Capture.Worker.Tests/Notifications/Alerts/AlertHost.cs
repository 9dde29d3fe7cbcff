using System.Text;
using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Capture.Testing;
using Capture.Testing.Mail;
using Capture.Worker.Hosting;
using Capture.Worker.Notifications.Alerts;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Capture.Worker.Tests.Notifications.Alerts;

/// <summary>
/// A capture host over a fresh archive, on a fake clock, sending through the fixture's SMTP server, with a test roster
/// and test deadlines in place of the roster and deadline work. <see cref="Restart"/> builds a new host on the same archive.
/// </summary>
internal sealed class AlertHost : IDisposable
{
    /// <summary>Monday 23 November 2026, 06:00 UTC: before the default digest time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _configuration;
    private IHost _host;

    public AlertHost(SmtpFixture smtp, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        _configuration = new Dictionary<string, string?>(smtp.Settings()) { ["Alerts:Digest"] = "false", ["Alerts:Language"] = "pl" };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            _configuration[key] = value;
        }

        _host = Build();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public TestRoster Roster { get; } = new();

    public TestDeadlines Deadlines { get; } = new();

    public IServiceProvider Services => _host.Services;

    public ArchiveStore Store => _host.Services.GetRequiredService<ArchiveStore>();

    /// <summary>Captures a file through the whole pipeline, as a drop folder or mailbox would.</summary>
    public async Task<CaptureResult> ImportAsync(string name, string content)
    {
        var path = _directory.Combine(name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        var result = await _host.Services.GetRequiredService<CapturePipeline>().CaptureAsync(CaptureItem.ForFile(path, "import"), TestContext.Current.CancellationToken);
        _host.Services.GetRequiredService<CaseIndexer>().Flush();
        return result;
    }

    public Task<AlertRoundResult> RunAsync() => _host.Services.GetRequiredService<AlertRound>().RunAsync(TestContext.Current.CancellationToken);

    /// <summary>Stops the host and starts a new one on the same archive, as a service restart does.</summary>
    public void Restart()
    {
        _host.Dispose();
        _host = Build();
    }

    public CaseRecord Open(string subject = "Broken kettle", string language = "pl") =>
        Store.OpenCase(new NewCase(CaseCategory.Complaint, 0.9, language, "Jan Kowalski", "jan@example.com", subject, "mail", Time.GetUtcNow()),
            [Document("letter.eml", subject + Guid.NewGuid())], null).Case;

    /// <summary>A customer's follow-up with an attachment joins the case, as the capture pipeline writes it.</summary>
    public void Reply(CaseRecord caseRecord, MessageAuthor author = MessageAuthor.Customer) =>
        Store.JoinCase(caseRecord.RegistrationNumber, [Document("reply.eml", "reply " + Guid.NewGuid()), Document("photo.pdf", "photo " + Guid.NewGuid(), parent: 0)], null, author);

    public void Dispose()
    {
        _host.Dispose();
        _directory.Dispose();
    }

    private IHost Build() => CaptureHostFactory.Build(TestArchive.ForDirectory(
        _directory.Combine("archive"),
        services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IHandlerDirectory>(Roster);
            services.AddSingleton<ICaseDeadlines>(Deadlines);
        },
        _configuration));

    private NewDocument Document(string name, string content, int? parent = null) => new(
        name,
        "message/rfc822",
        () => new MemoryStream(Encoding.UTF8.GetBytes(content)),
        content,
        1,
        false,
        null,
        "pl",
        null,
        "Broken kettle",
        DocumentReferences.None,
        [],
        "Jan Kowalski",
        "jan@example.com",
        Time.GetUtcNow(),
        "mail",
        parent is null ? DocumentRole.Original : DocumentRole.Attachment,
        parent);
}

/// <summary>People and teams for the tests: logins with addresses and languages, a supervisor per case; anyone else written as an address is their own recipient.</summary>
internal sealed class TestRoster : IHandlerDirectory
{
    private readonly Dictionary<string, AlertRecipient> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _supervisors = new(StringComparer.Ordinal);

    public void Add(string login, string address, string? language = null) => _people[login] = new AlertRecipient(login, address, login, language);

    public void Supervise(CaseRecord caseRecord, string supervisor) => _supervisors[caseRecord.Id] = supervisor;

    public AlertRecipient? Find(string person) => _people.TryGetValue(person, out var known) ? known : AlertRecipient.FromAddress(person);

    public string? SupervisorOf(CaseRecord caseRecord) => _supervisors.GetValueOrDefault(caseRecord.Id);
}

/// <summary>Deadlines for the tests, per case.</summary>
internal sealed class TestDeadlines : ICaseDeadlines
{
    private readonly Dictionary<string, CaseDeadlinePoints> _points = new(StringComparer.Ordinal);

    public void Set(CaseRecord caseRecord, DateTimeOffset? atRiskAt, DateTimeOffset dueAt, bool paused = false) =>
        _points[caseRecord.Id] = new CaseDeadlinePoints(atRiskAt, dueAt, paused);

    public CaseDeadlinePoints? Find(CaseRecord caseRecord) => _points.GetValueOrDefault(caseRecord.Id);
}

/// <summary>Reading what the SMTP server received.</summary>
internal static class DeliveredMailExtensions
{
    public static string Language(this DeliveredMail mail) => mail.Message.Body?.Headers[MimeKit.HeaderId.ContentLanguage] ?? "";
}
