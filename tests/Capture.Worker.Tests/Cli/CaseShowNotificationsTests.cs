using System.Text.Json;
using Capture.Worker.Hosting;
using Capture.Worker.Notifications.Acknowledgements;
using Capture.Worker.Notifications.Alerts;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Capture.Worker.Tests.Cli;

/// <summary><c>capture case show</c> lists the case's reminders, the alerts sent about it and the customer's acknowledgement, as the service recorded them.</summary>
public sealed class CaseShowNotificationsTests(SmtpFixture smtp) : IClassFixture<SmtpFixture>, IDisposable
{
    private const string Handler = "anna.show@handlers.example";
    private const string Customer = "jan.kowalski@example.pl";

    private readonly CliSession _cli = new();

    [Fact]
    public async Task CaseShow_ListsTheReminder_TheAssignmentAlertSent_AndTheAcknowledgementSent()
    {
        var settings = Settings();
        var (_, imported, importError) = await _cli.RunAsync(["import", "--json", await _cli.WriteLetterAsync("letter.txt")], settings);
        var registration = JsonDocument.Parse(CliSession.Lines(imported)[0]).RootElement.GetProperty("registrationNumber").GetString()!;
        var remindAt = DateTimeOffset.UtcNow.AddDays(3);
        await _cli.RunAsync(["case", "remind", registration, remindAt.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture), "--note", "Call the courier", "--by", "anna.nowak"], settings);

        await RunTheServicesNotificationsOnceAsync(settings);
        var (exit, shown, error) = await _cli.RunAsync(["case", "show", "--json", registration], settings);
        var (_, table, _) = await _cli.RunAsync(["case", "show", registration], settings);

        Assert.True(exit == 0, error + importError);
        using var json = JsonDocument.Parse(shown);
        var root = json.RootElement;
        var reminder = Assert.Single(root.GetProperty("reminders").EnumerateArray());
        Assert.Equal(("Call the courier", "anna.nowak"), (reminder.GetProperty("note").GetString(), reminder.GetProperty("by").GetString()));
        Assert.Equal(reminder.GetProperty("dueAt").GetDateTimeOffset(), root.GetProperty("nextAlertAt").GetDateTimeOffset());
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("assigned", Handler, "sent"), (alert.GetProperty("kind").GetString(), alert.GetProperty("recipient").GetString(), alert.GetProperty("state").GetString()));
        var acknowledgement = root.GetProperty("acknowledgement");
        Assert.Equal(("sent", Customer), (acknowledgement.GetProperty("state").GetString(), acknowledgement.GetProperty("recipient").GetString()));
        Assert.Single(smtp.DeliveredTo(Handler));
        Assert.Single(smtp.DeliveredTo(Customer));
        Assert.Contains("Call the courier", table, StringComparison.Ordinal);
        Assert.Contains($"sent to {Customer}", table, StringComparison.Ordinal);
        Assert.Contains(Handler, table, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private (string Key, string Value)[] Settings() =>
    [
        .. smtp.Settings().Select(s => (s.Key, s.Value!)),
        ("Roster:People:0:Login", "anna.nowak"), ("Roster:People:0:Email", Handler),
        ("Assignment:Default:Person", "anna.nowak"),
        ("Acknowledgements:Enabled", "true"), ("Acknowledgements:ForLetters", "true"), ("Acknowledgements:CompanyName", "Shop.example"),
        ("Alerts:Digest", "false"),
    ];

    /// <summary>What <c>capture run</c> does in the background: one alert round and one acknowledgement round, on the same archive.</summary>
    private async Task RunTheServicesNotificationsOnceAsync((string Key, string Value)[] settings)
    {
        using var host = CaptureHostFactory.Build(TestArchive.ForDirectory(_cli.Archive, configuration: settings.ToDictionary(s => s.Key, s => (string?)s.Value)));
        await host.Services.GetRequiredService<AlertRound>().RunAsync(TestContext.Current.CancellationToken);
        await host.Services.GetRequiredService<AcknowledgementSender>().SendPendingAsync(TestContext.Current.CancellationToken);
    }
}
