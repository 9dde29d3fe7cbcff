using System.Globalization;
using Archive.Store;
using Archive.Store.Cases;
using Capture.Testing;
using Capture.Testing.Mail;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Capture.Web.Tests.Support;

/// <summary>
/// The service as <see cref="WebServer"/> starts it, sending its mail to a real SMTP server (aiosmtpd) of its own, over
/// an archive of its own with the sample letters captured and given to hanna and henryk as in <see cref="WebServer"/>.
/// Shared by the tests of a class, each of which works on a case of its own.
/// </summary>
public sealed class MailingWebServer : IAsyncLifetime
{
    public const string Sender = "obsluga@shop.example";

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string> _cases = new(StringComparer.Ordinal);
    private IHost? _host;
    private SmtpSink? _sink;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public ArchiveStore Store => Services.GetRequiredService<ArchiveStore>();

    internal SmtpSink Sink => _sink!;

    /// <summary>The registration number of the case a sample file opened.</summary>
    public string CaseOf(string sampleFile) => _cases[sampleFile];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _sink = await SmtpSink.StartAsync(cancellationToken);
        _host = await WebServer.StartAsync(_directory, new Dictionary<string, string?>
        {
            ["Web:SignInsPerClientPerMinute"] = "10000",
            ["Smtp:Host"] = SmtpSink.Host,
            ["Smtp:Port"] = _sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = Sender,
            ["Smtp:FromName"] = "Shop customer service",
            ["Smtp:Timeout"] = "00:00:05",
            ["Alerts:Enabled"] = "false",
            ["Replies:CompanyName"] = "Shop.example",
        });
        BaseAddress = WebServer.AddressOf(_host);

        var pipeline = Services.GetRequiredService<CapturePipeline>();
        foreach (var sample in Samples.All)
        {
            var result = await pipeline.CaptureAsync(CaptureItem.ForFile(Path.Combine(RepositoryRoot.Samples, "inbox", sample), "import"), cancellationToken);
            _cases[sample] = result.RegistrationNumber ?? throw new InvalidOperationException($"{sample} opened no case: {result.Outcome}");
        }

        var indexer = Services.GetRequiredService<CaseIndexer>();
        foreach (var (sample, login) in new[] { (Samples.HannasKettle, "hanna"), (Samples.HannasWebshopDelay, "hanna"), (Samples.HenryksWashingMachine, "henryk") })
        {
            indexer.Reindex(Store.AssignCase(CaseOf(sample), CaseAssignee.ToPerson(login), "test setup"));
        }

        indexer.Flush();
    }

    /// <summary>The messages the SMTP server accepted for <paramref name="recipient"/>.</summary>
    internal IReadOnlyList<DeliveredMail> DeliveredTo(string recipient) =>
        [.. Sink.Delivered().Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }

        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }

        _directory.Dispose();
    }
}
