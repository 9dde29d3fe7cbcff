using Capture.Testing;
using Capture.Worker.Hosting;
using Capture.Worker.Jobs;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Capture.Worker.Tests.Jobs;

/// <summary>The service schedules the alert rounds when alerts and outgoing mail are configured.</summary>
public sealed class AlertRoundJobTests
{
    [Fact]
    public async Task Service_WithOutgoingMail_RunsAlertRoundsAtTheConfiguredInterval()
    {
        var triggers = await AlertTriggersAsync(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:From"] = "obsluga@shop.example",
            ["Alerts:Interval"] = "00:00:30",
        });

        var simple = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(triggers));
        Assert.Equal(TimeSpan.FromSeconds(30), simple.RepeatInterval);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Service_WithoutOutgoingMailOrWithAlertsOff_SchedulesNoAlertRounds(string? enabled)
    {
        var configuration = new Dictionary<string, string?> { ["Alerts:Enabled"] = enabled };
        if (enabled is not null)
        {
            configuration["Smtp:Host"] = "127.0.0.1";
            configuration["Smtp:From"] = "obsluga@shop.example";
        }

        Assert.Empty(await AlertTriggersAsync(configuration));
    }

    private static async Task<IReadOnlyCollection<ITrigger>> AlertTriggersAsync(Dictionary<string, string?> configuration)
    {
        using var archive = new TempDirectory();
        Directory.CreateDirectory(archive.Combine("drop"));
        var settings = TestArchive.ForDirectory(archive.Combine("archive"), configuration: configuration)
            with { Service = true, ExtraDropFolders = [archive.Combine("drop")] };
        using var host = CaptureHostFactory.Build(settings);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        return await scheduler.GetTriggersOfJob(AlertRoundJob.Key, TestContext.Current.CancellationToken);
    }
}
