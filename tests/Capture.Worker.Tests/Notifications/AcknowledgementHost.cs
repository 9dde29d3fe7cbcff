using Archive.Store;
using Capture.Worker.Hosting;
using Capture.Worker.Notifications.Acknowledgements;
using Capture.Worker.Pipeline;
using Capture.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Capture.Worker.Tests.Notifications;

/// <summary>
/// A capture host over an archive folder with acknowledgements on, sending through the test SMTP server, on a fake
/// clock; optionally with the acknowledgement service running as in <c>capture run</c>. A second one on the same
/// folder is the service after a restart.
/// </summary>
internal sealed class AcknowledgementHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly AcknowledgementService? _service;

    private AcknowledgementHost(IHost host, FakeTimeProvider time, AcknowledgementService? service)
    {
        Host = host;
        Time = time;
        _service = service;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public ArchiveStore Store => Host.Services.GetRequiredService<ArchiveStore>();

    public AcknowledgementSender Sender => Host.Services.GetRequiredService<AcknowledgementSender>();

    /// <summary>The settings every test starts from: acknowledgements on, the fixture's server, the company's domain.</summary>
    public static Dictionary<string, string?> Settings(SmtpFixture smtp)
    {
        var settings = new Dictionary<string, string?>(smtp.Settings())
        {
            ["Acknowledgements:Enabled"] = "true",
            ["Acknowledgements:CompanyName"] = "Shop.example",
            ["Acknowledgements:Signature"] = "Dział obsługi klienta / Ügyfélszolgálat / Customer service",
            ["Metadata:CompanyDomains:0"] = "shop.example",
        };
        return settings;
    }

    /// <summary>Builds a host on <paramref name="archive"/>; <paramref name="sending"/> starts the acknowledgement service.</summary>
    public static async Task<AcknowledgementHost> StartAsync(string archive, IReadOnlyDictionary<string, string?> settings, bool sending)
    {
        var time = new FakeTimeProvider(Now);
        var host = CaptureHostFactory.Build(TestArchive.ForDirectory(archive, services => services.AddSingleton<TimeProvider>(time), settings));
        AcknowledgementService? service = null;
        if (sending)
        {
            service = ActivatorUtilities.CreateInstance<AcknowledgementService>(host.Services);
            await service.StartAsync(TestContext.Current.CancellationToken);
        }

        return new AcknowledgementHost(host, time, service);
    }

    public Task<CaptureResult> ImportAsync(string path) =>
        Host.Services.GetRequiredService<CapturePipeline>().CaptureAsync(CaptureItem.ForFile(path, "import"), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.StopAsync(CancellationToken.None);
            _service.Dispose();
        }

        Host.Dispose();
    }
}
