using System.Globalization;
using Archive.Store;
using Archive.Store.Intake;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Sources.Mail;

/// <summary>What a mailbox reader should do with a message on the server after <see cref="MailItemCapture"/> saw it.</summary>
internal enum MailItemFate
{
    /// <summary>It is in the archive (a case, a duplicate of one, or a quarantine copy): apply the disposition.</summary>
    Archived,

    /// <summary>It was recorded but not downloaded (too large): leave it on the server for a person.</summary>
    LeftOnServer,

    /// <summary>The filters do not want it: leave it alone.</summary>
    NotWanted,

    /// <summary>Its capture failed and will be tried again at the next poll: neither act on it nor read past it.</summary>
    RetryLater,
}

/// <summary>One message as a mailbox reader knows it before downloading it.</summary>
/// <param name="SourceKey">Its intake-ledger key (<see cref="MailboxKeys"/>).</param>
/// <param name="FileName">The name its archived original gets, e.g. <c>INBOX-42.eml</c>.</param>
/// <param name="Size">Its size on the server in bytes, when known.</param>
internal sealed record MailItem(string SourceKey, string FileName, long? Size);

/// <summary>
/// The exactly-once steps every mailbox reader shares: skip what the ledger shows finished, refuse what is too large
/// or failed too often, download to a spool file, capture through the pipeline, and keep the bytes of a quarantined
/// message in the archive's quarantine folder (so the server copy may go).
/// </summary>
internal sealed partial class MailItemCapture : IDisposable
{
    private readonly MailboxOptions _account;
    private readonly CapturePipeline _pipeline;
    private readonly ArchiveStore _store;
    private readonly ILogger _logger;
    private readonly string _spool;
    private readonly string _quarantine;
    private readonly SemaphoreSlim _preparing;

    public MailItemCapture(MailboxOptions account, CapturePipeline pipeline, ArchiveStore store, int parallelism, ILogger logger)
    {
        _account = account;
        _pipeline = pipeline;
        _store = store;
        _logger = logger;
        _spool = Path.Combine(store.RootDirectory, "spool", "mail", account.Name);
        _quarantine = Path.Combine(store.RootDirectory, "quarantine", "mail-" + account.Name);
        _preparing = new SemaphoreSlim(parallelism, parallelism);
    }

    /// <summary>Removes spool files a crash left behind: they are only copies of messages still on the server.</summary>
    public void ClearSpool()
    {
        if (Directory.Exists(_spool))
        {
            Directory.Delete(_spool, recursive: true);
        }

        Directory.CreateDirectory(_spool);
    }

    /// <summary>What the ledger already knows: the fate of a finished message, or null when it must be captured.</summary>
    public MailItemFate? KnownFate(MailItem item)
    {
        var claim = _store.FindClaim(item.SourceKey);
        if (claim is null or { State: IntakeState.Claimed })
        {
            return null;
        }

        return IsTooLarge(item) ? MailItemFate.LeftOnServer : MailItemFate.Archived;
    }

    /// <summary>Captures one message not yet finished; <paramref name="download"/> writes its raw bytes to a stream.</summary>
    /// <param name="item">The message.</param>
    /// <param name="download">Copies the message's bytes into the given stream. Network failures propagate (the account reconnects).</param>
    /// <param name="report">Receives the capture result.</param>
    /// <param name="cancellationToken">Stops the work; the message stays unfinished in the ledger and is captured later.</param>
    public async Task<MailItemFate> CaptureAsync(
        MailItem item,
        Func<Stream, CancellationToken, Task> download,
        Func<CaptureResult, ValueTask> report,
        CancellationToken cancellationToken)
    {
        var started = await StartAsync(item, download, cancellationToken).ConfigureAwait(false);
        return await FinishAsync(started, report, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads the message and starts reading and understanding it in the background (a few at a time), so the
    /// reader can fetch the next one meanwhile. <see cref="FinishAsync"/> must follow, in arrival order.
    /// </summary>
    public async Task<StartedMail> StartAsync(MailItem item, Func<Stream, CancellationToken, Task> download, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(download);
        var pending = new CaptureItem(Path.Combine(_spool, Guid.NewGuid().ToString("N") + ".eml"), item.FileName, _account.SourceName, item.SourceKey)
        {
            QuarantinePath = Path.Combine(_quarantine, QuarantineName(item)),
            Origin = item.SourceKey,
        };

        if (IsTooLarge(item))
        {
            var refusal = string.Create(CultureInfo.InvariantCulture,
                $"The message is {item.Size:N0} bytes, over this mailbox's limit of {_account.MaxMessageBytes:N0} (MaxMessageBytes). It was not downloaded and is still on the server; capture it by hand or raise the limit.");
            return StartedMail.Decided(pending, MailItemFate.LeftOnServer, _pipeline.Refuse(pending with { QuarantinePath = null }, refusal));
        }

        await DownloadAsync(pending.Path, download, cancellationToken).ConfigureAwait(false);
        if (_store.FindClaim(pending.SourceKey) is { State: IntakeState.Claimed } unfinished && unfinished.Attempts >= _account.MaxAttempts)
        {
            // Each start of a capture counts an attempt, crashes included: a message that kills the worker ends here.
            return StartedMail.Decided(pending, MailItemFate.Archived, _pipeline.Refuse(pending, string.Create(CultureInfo.InvariantCulture,
                $"Capturing this message failed {unfinished.Attempts} times (MaxAttempts {_account.MaxAttempts}); it was set aside so the mailbox can go on. The original is kept here; retry it after the cause is fixed.")));
        }

        return new StartedMail(pending, MailItemFate.Archived, PrepareAsync(pending, cancellationToken));
    }

    /// <summary>Files a started message (in arrival order), keeps a quarantined one's bytes, reports it, and says what becomes of the server copy.</summary>
    public async Task<MailItemFate> FinishAsync(StartedMail started, Func<CaptureResult, ValueTask> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(report);
        var pending = started.Item;
        try
        {
            CaptureResult result;
            try
            {
                result = await _pipeline.FileAsync(await started.Preparing.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCaptureFailed(exception, pending.OriginalFileName, _account.SourceName);
                return MailItemFate.RetryLater;
            }

            if (result.Outcome == CaptureOutcome.Quarantined && File.Exists(pending.Path))
            {
                await QuarantineFiles.MoveAsync(pending.Path, pending.QuarantinePath!, result.Reason ?? "No reason was given.", cancellationToken).ConfigureAwait(false);
            }

            await report(result).ConfigureAwait(false);
            return started.FateWhenFiled;
        }
        finally
        {
            File.Delete(pending.Path);
        }
    }

    /// <summary>Lets a started message go unfiled (the reader is stopping): it stays claimed and is captured at the next poll.</summary>
    public async Task AbandonAsync(StartedMail started)
    {
        ArgumentNullException.ThrowIfNull(started);
        try
        {
            await started.Preparing.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Nothing was filed; the ledger still shows the message unfinished.
            LogAbandoned(exception, started.Item.OriginalFileName, _account.SourceName);
        }
        finally
        {
            File.Delete(started.Item.Path);
        }
    }

    private async Task<PreparedCapture> PrepareAsync(CaptureItem pending, CancellationToken cancellationToken)
    {
        await _preparing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Off the reader's thread: the next message downloads while this one is read and classified.
            return await Task.Run(() => _pipeline.PrepareAsync(pending, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _preparing.Release();
        }
    }

    private static async Task DownloadAsync(string path, Func<Stream, CancellationToken, Task> download, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await download(file, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public void Dispose() => _preparing.Dispose();

    private bool IsTooLarge(MailItem item) => item.Size > _account.MaxMessageBytes;

    private static string QuarantineName(MailItem item) =>
        new string([.. item.FileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Left {FileName} from {Source} unfiled; it is captured at the next poll")]
    private partial void LogAbandoned(Exception exception, string fileName, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capturing {FileName} from {Source} failed; it stays on the server and is tried again at the next poll")]
    private partial void LogCaptureFailed(Exception exception, string fileName, string source);
}

/// <summary>A message downloaded and being prepared; filed by <see cref="MailItemCapture.FinishAsync"/>.</summary>
/// <param name="Item">The spooled item.</param>
/// <param name="FateWhenFiled">What becomes of the server copy once it is filed.</param>
/// <param name="Preparing">Reading and understanding it, or its outcome when that was decided without reading.</param>
internal sealed record StartedMail(CaptureItem Item, MailItemFate FateWhenFiled, Task<PreparedCapture> Preparing)
{
    public static StartedMail Decided(CaptureItem item, MailItemFate fate, CaptureResult result) =>
        new(item, fate, Task.FromResult(new PreparedCapture(item, null, result)));
}
