using System.Text;
using Archive.Store;
using Archive.Store.Cases;
using Archive.Store.Documents;
using Capture.Testing;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Capture.Web.Tests.Support;

/// <summary>
/// The web over a small archive whose answers are known, on a fake clock that ends at <see cref="Now"/> (Monday 23
/// November 2026, 06:00 UTC). Complaints are due 4 calendar days after the midnight following their arrival, at risk
/// after 3 (UTC calendar); suggestions have 30 calendar days; thanks and unclassified cases no deadline.
/// </summary>
/// <remarks>
/// The roster names hanna, henryk, peter, olga and rosa; olga and rosa have no web login. olga holds the old complaint,
/// rosa nothing. hanna holds four open cases (<see cref="Missed"/>, <see cref="AtRisk"/>, <see cref="Urgent"/>, <see cref="LongWait"/>,
/// the order of her work) and a closed one; henryk holds <see cref="Henryks"/> and <see cref="ToReassign"/>; two
/// unclassified cases wait for triage (<see cref="OldUnclassified"/> first); three cases closed after 1, 3 and 5 days
/// (first responses after 1, 0.5 and 5 days); two cases were received before the last 30 days, one of them
/// <see cref="ClosedUnclassified"/>, closed without ever being classified.
/// </remarks>
public sealed class WorkArchive : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Begin = new(2026, 9, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private IHost? _host;

    public FakeTimeProvider Time { get; } = new(Begin);

    public Uri BaseAddress { get; private set; } = null!;

    public ArchiveStore Store => _host!.Services.GetRequiredService<ArchiveStore>();

    public string Missed { get; private set; } = "";

    public string AtRisk { get; private set; } = "";

    public string Urgent { get; private set; } = "";

    public string LongWait { get; private set; } = "";

    public string HannasClosed { get; private set; } = "";

    public string Henryks { get; private set; } = "";

    public string ToReassign { get; private set; } = "";

    public string OldUnclassified { get; private set; } = "";

    public string NewUnclassified { get; private set; } = "";

    public string ClosedUnclassified { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _host = await WebServer.StartAsync(_directory, new Dictionary<string, string?>
        {
            ["Web:SignInsPerClientPerMinute"] = "10000",
            ["Archive:Deadlines:TimeZone"] = "UTC",
            ["Archive:Deadlines:Rules:0:Category"] = nameof(CaseCategory.Complaint),
            ["Archive:Deadlines:Rules:0:BusinessDays"] = null,
            ["Archive:Deadlines:Rules:0:CalendarDays"] = "4",
            ["Archive:Deadlines:Rules:0:AtRiskFraction"] = "0.75",
            ["Roster:People:0:Login"] = "hanna", ["Roster:People:0:Email"] = "hanna@firma.example",
            ["Roster:People:1:Login"] = "henryk", ["Roster:People:1:Email"] = "henryk@firma.example",
            ["Roster:People:2:Login"] = "peter", ["Roster:People:2:Email"] = "peter@firma.example",
            ["Roster:People:3:Login"] = "olga", ["Roster:People:3:Email"] = "olga@firma.example",
            ["Roster:People:4:Login"] = "rosa", ["Roster:People:4:Email"] = "rosa@firma.example",
        }, services => services.AddSingleton<TimeProvider>(Time));
        BaseAddress = WebServer.AddressOf(_host);

        Open(CaseCategory.Complaint, Begin.AddDays(1), "Old complaint", "olga");
        ClosedUnclassified = Open(CaseCategory.Unclassified, Begin.AddDays(1), "Spam that was closed", null);
        var quick = Open(CaseCategory.Thanks, At(11, 10), "Thank you", null);
        var replied = Open(CaseCategory.Thanks, At(11, 10), "Thanks again", null);
        var slow = Open(CaseCategory.Suggestion, At(11, 10), "A suggestion", null);
        LongWait = Open(CaseCategory.Suggestion, At(11, 11, 6), "Opening hours", "hanna");
        OldUnclassified = Open(CaseCategory.Unclassified, At(11, 12), "Question about something", null);
        Urgent = Open(CaseCategory.Suggestion, At(11, 13, 6), "Urgent idea", "hanna");
        NewUnclassified = Open(CaseCategory.Unclassified, At(11, 15), "Another question", null);
        HannasClosed = Open(CaseCategory.Complaint, At(11, 16), "Solved kettle", "hanna");
        // Three more customers complain about the kettle: a word one customer repeats is no repeated problem.
        Missed = Open(CaseCategory.Complaint, At(11, 17, 6), "Kettle leaks", "hanna", "Kettle K2", ("Ewa Nowak", "ewa@example.com"));
        AtRisk = Open(CaseCategory.Complaint, At(11, 19, 6), "Kettle broke", "hanna", "Kettle K2", ("Piotr Zieliński", "piotr@example.com"));
        Henryks = Open(CaseCategory.Complaint, At(11, 22), "Kettle noisy", "henryk", "Kettle K2", ("Olga Wiśniewska", "olga@example.com"));
        ToReassign = Open(CaseCategory.Complaint, At(11, 22, 1), "Washing machine", "henryk");

        // Moves in time order: the fake clock only goes forward.
        Move(ClosedUnclassified, At(10, 2), CaseStatus.Closed);
        Move(replied, At(11, 10, 12), CaseStatus.PendingOnCustomer);
        Move(quick, At(11, 11), CaseStatus.Closed);
        Move(replied, At(11, 13), CaseStatus.Closed);
        Move(slow, At(11, 15), CaseStatus.Closed);
        Move(HannasClosed, At(11, 17), CaseStatus.Closed);
        Time.SetUtcNow(Now);
        Store.RaisePriority(Urgent, CasePriority.Urgent, "test setup", "the customer is a partner");

        var indexer = _host.Services.GetRequiredService<CaseIndexer>();
        // Re-stamped after the moves, as the web's changes do.
        foreach (var record in Store.ListCases())
        {
            indexer.Reindex(record);
        }

        indexer.Flush();
    }

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private string Open(
        CaseCategory category, DateTimeOffset receivedAt, string subject, string? handler, string? product = null, (string Name, string Email)? customer = null)
    {
        var (name, email) = customer ?? ("Jan Kowalski", "jan@example.com");
        var newCase = new NewCase(category, category == CaseCategory.Unclassified ? 0.4 : 0.9, "en", name, email, subject, "mail", receivedAt)
        {
            Assignee = handler is null ? null : CaseAssignee.ToPerson(handler),
            Product = product,
            SuggestedCategory = category == CaseCategory.Unclassified ? CaseCategory.Complaint : null,
        };
        var text = $"{subject} {Guid.NewGuid()}";
        var document = new NewDocument(
            "letter.eml", "message/rfc822", () => new MemoryStream(Encoding.UTF8.GetBytes(text)), text, 1, false, null, "en", null, subject,
            DocumentReferences.None, [], name, email, receivedAt, "mail", DocumentRole.Original, null);
        var commit = Store.OpenCase(newCase, [document], null);
        _host!.Services.GetRequiredService<CaseIndexer>().Index(commit, [text]);
        return commit.Case.RegistrationNumber;
    }

    private void Move(string registrationNumber, DateTimeOffset at, CaseStatus status)
    {
        Time.SetUtcNow(at);
        Store.ChangeStatus(registrationNumber, status, "test setup");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        _directory.Dispose();
    }
}
