using Capture.Testing.Mail;
using Capture.Worker.Notifications;
using Capture.Worker.Sources.Mail;

namespace Capture.Worker.Tests.Support;

/// <summary>One real SMTP server (aiosmtpd) shared by the tests of a class; tests tell their mail apart by recipient.</summary>
public sealed class SmtpFixture : IAsyncLifetime
{
    private SmtpSink? _sink;

    internal SmtpSink Sink => _sink ?? throw new InvalidOperationException("The SMTP fixture has not started.");

    public async ValueTask InitializeAsync() => _sink = await SmtpSink.StartAsync(TestContext.Current.CancellationToken);

    /// <summary>Settings that send to this server, plain, without signing in.</summary>
    internal SmtpOptions Options(string from = "obsluga@shop.example") => new()
    {
        Host = SmtpSink.Host,
        Port = Sink.Port,
        Security = MailSecurity.None,
        From = from,
        FromName = "Shop customer service",
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The same settings as configuration keys, for a host built from configuration.</summary>
    internal IEnumerable<KeyValuePair<string, string?>> Settings(string from = "obsluga@shop.example") =>
    [
        new("Smtp:Host", SmtpSink.Host),
        new("Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:Security", nameof(MailSecurity.None)),
        new("Smtp:From", from),
        new("Smtp:FromName", "Shop customer service"),
    ];

    /// <summary>The messages delivered to <paramref name="recipient"/> so far.</summary>
    internal IReadOnlyList<DeliveredMail> DeliveredTo(string recipient) =>
        [.. Sink.Delivered().Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }
}
