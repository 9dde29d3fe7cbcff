using System.Globalization;
using System.Text;
using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Deadlines;
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
/// A capture host over a fresh archive, on a fake clock, sending through the fixture's SMTP server, with the real roster
/// (section <c>Roster</c>, empty unless a test gives people and teams through <see cref="AlertSettings"/>) and the real
/// deadlines the store keeps on each case (<see cref="DeadlineSettings"/>, which a test may override).
/// <see cref="Restart"/> builds a new host on the same archive.
/// </summary>
internal sealed class AlertHost : IDisposable
{
    /// <summary>Monday 23 November 2026, 06:00 UTC: before the default digest time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Deadlines on the UTC calendar: a complaint is due 4 calendar days after the midnight following its arrival and at
    /// risk after 3 of them (one opened at <see cref="Start"/>: at risk Friday 27 November 00:00, due Saturday 28 00:00).
    /// Suggestions keep the 30 calendar days of appsettings.json; thank-you letters have none. Tests read the moments
    /// from the case rather than rely on these numbers.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> DeadlineSettings = new Dictionary<string, string?>
    {
        ["Archive:Deadlines:TimeZone"] = "UTC",
        ["Archive:Deadlines:Rules:0:Category"] = nameof(CaseCategory.Complaint),
        ["Archive:Deadlines:Rules:0:BusinessDays"] = null,
        ["Archive:Deadlines:Rules:0:CalendarDays"] = "4",
        ["Archive:Deadlines:Rules:0:AtRiskFraction"] = "0.75",
    };

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _configuration;
    private IHost _host;

    public AlertHost(SmtpFixture smtp, AlertSettings settings)
        : this(smtp, settings.Values)
    {
    }

    public AlertHost(SmtpFixture smtp, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        _configuration = new Dictionary<string, string?>(smtp.Settings()) { ["Alerts:Digest"] = "false", ["Alerts:Language"] = "pl" };
        foreach (var (key, value) in DeadlineSettings.Concat(configuration ?? new Dictionary<string, string?>()))
        {
            _configuration[key] = value;
        }

        _host = Build();
    }

    public FakeTimeProvider Time { get; } = new(Start);

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

    /// <summary>Moves the fake clock forward to <paramref name="at"/> and runs a round there.</summary>
    public Task<AlertRoundResult> RunAtAsync(DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        return RunAsync();
    }

    /// <summary>The deadline the store keeps on the case now.</summary>
    public CaseDeadline Deadline(CaseRecord caseRecord) => Case(caseRecord).Deadline!;

    /// <summary>The case as the store has it now.</summary>
    public CaseRecord Case(CaseRecord caseRecord) => Store.FindCase(caseRecord.RegistrationNumber)!;

    /// <summary>An instant as the alerts write it (the fake clock's zone is UTC).</summary>
    public static string Local(DateTimeOffset? instant) => instant!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Stops the host and starts a new one on the same archive, as a service restart does.</summary>
    public void Restart()
    {
        _host.Dispose();
        _host = Build();
    }

    public CaseRecord Open(string subject = "Broken kettle", string language = "pl", CaseCategory category = CaseCategory.Complaint) =>
        Store.OpenCase(new NewCase(category, 0.9, language, "Jan Kowalski", "jan@example.com", subject, "mail", Time.GetUtcNow()),
            [Document("letter.eml", subject + Guid.NewGuid())], null).Case;

    /// <summary>Opens a complaint and assigns it to <paramref name="handler"/>, who takes it themselves (so no assignment alert).</summary>
    public CaseRecord OpenHandledBy(string handler, string subject = "Broken kettle") =>
        Store.AssignCase(Open(subject).RegistrationNumber, CaseAssignee.ToPerson(handler), handler);

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

/// <summary>
/// Configuration for an <see cref="AlertHost"/> beyond its defaults, written as configuration keys: people and teams
/// of the roster (section <c>Roster</c>), and any other key through the indexer.
/// </summary>
internal sealed class AlertSettings
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    private int _people;
    private int _teams;

    public IReadOnlyDictionary<string, string?> Values => _values;

    public string? this[string key]
    {
        get => _values.GetValueOrDefault(key);
        set => _values[key] = value;
    }

    /// <summary>A person of the roster: the login cases are assigned to, where their alerts go, and in which language.</summary>
    public AlertSettings Person(string login, string email, string? language = null)
    {
        var key = Key("People", _people++);
        _values[key + "Login"] = login;
        _values[key + "Email"] = email;
        _values[key + "Language"] = language;
        return this;
    }

    /// <summary>A team of the roster, with the person its missed deadlines escalate to.</summary>
    public AlertSettings Team(string name, string supervisor, params string[] members)
    {
        var key = Key("Teams", _teams++);
        _values[key + "Name"] = name;
        _values[key + "Supervisor"] = supervisor;
        for (var i = 0; i < members.Length; i++)
        {
            _values[key + "Members:" + i.ToString(CultureInfo.InvariantCulture)] = members[i];
        }

        return this;
    }

    private static string Key(string list, int index) => $"Roster:{list}:{index.ToString(CultureInfo.InvariantCulture)}:";
}

/// <summary>Reading what the SMTP server received.</summary>
internal static class DeliveredMailExtensions
{
    public static string Language(this DeliveredMail mail) => mail.Message.Body?.Headers[MimeKit.HeaderId.ContentLanguage] ?? "";
}
