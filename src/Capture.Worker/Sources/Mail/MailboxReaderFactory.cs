using Archive.Store;
using Capture.Worker.Hosting;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Capture.Worker.Sources.Mail;

/// <summary>Creates the reader for an account's protocol; used by the service and by <c>capture fetch</c> alike.</summary>
internal sealed class MailboxReaderFactory(
    CapturePipeline pipeline, ArchiveStore store, CaptureRetryPolicy retry, TimeProvider time, IOptions<CaptureOptions> options, ILoggerFactory loggers)
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The reader owns the capture and disposes it with itself.")]
    public IMailboxReader Create(MailboxOptions account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var logger = loggers.CreateLogger("Capture.Worker.Sources.Mail." + account.Protocol);
        var capture = new MailItemCapture(account, pipeline, store, retry, options.Value.EffectiveParallelism, logger);
        try
        {
            capture.ClearSpool();
            return account.Protocol == MailProtocol.Pop3
                ? new Pop3MailboxReader(account, capture, time, logger)
                : new ImapMailboxReader(account, capture, store, time, logger);
        }
        catch
        {
            capture.Dispose();
            throw;
        }
    }
}
