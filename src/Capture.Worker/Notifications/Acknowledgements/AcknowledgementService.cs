using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Notifications.Acknowledgements;

/// <summary>
/// Runs the acknowledgement rounds in the service (<c>capture run</c>): one at start (which also settles claims a crash
/// interrupted), one whenever a capture opens a case to acknowledge (<see cref="AcknowledgementSignal"/>), and one
/// every <see cref="AcknowledgementOptions.RetryInterval"/> for those the mail server could not take. A failing store
/// ends the service rather than losing acknowledgements quietly.
/// </summary>
public sealed class AcknowledgementService : BackgroundService
{
    private readonly AcknowledgementSender _sender;
    private readonly AcknowledgementSignal _signal;
    private readonly AcknowledgementOptions _options;
    private readonly TimeProvider _time;

    public AcknowledgementService(AcknowledgementSender sender, AcknowledgementSignal signal, IOptions<AcknowledgementOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sender = sender;
        _signal = signal;
        _options = options.Value;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _sender.SendPendingAsync(stoppingToken).ConfigureAwait(false);
                await _signal.WaitAsync(_options.RetryInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
