using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Archive.Store;
using Archive.Store.Intake;
using Archive.Store.Quarantine;
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

/// <summary>A message to capture and how to download it.</summary>
/// <param name="Item">The message.</param>
/// <param name="Download">Copies the message's raw bytes into the given stream; network failures propagate.</param>
internal sealed record MailDownload(MailItem Item, Func<Stream, CancellationToken, Task> Download);

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
    private readonly CaptureRetryPolicy _retry;
    private readonly ILogger _logger;
    private readonly string _spool;
    private readonly string _quarantine;
    private readonly SemaphoreSlim _preparing;

    public MailItemCapture(MailboxOptions account, CapturePipeline pipeline, ArchiveStore store, CaptureRetryPolicy retry, int parallelism, ILogger logger)
    {
        _account = account;
        _pipeline = pipeline;
        _store = store;
        _retry = retry;
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

    /// <summary>
    /// What the ledger already knows: the fate of a finished message, <see cref="MailItemFate.RetryLater"/> for one whose
    /// last attempt failed and whose wait has not passed, or null when it must be captured now.
    /// </summary>
    public MailItemFate? KnownFate(MailItem item)
    {
        var claim = _store.FindClaim(item.SourceKey);
        if (_retry.IsWaiting(claim))
        {
            return MailItemFate.RetryLater;
        }

        if (claim is null or { State: IntakeState.Claimed } || KeptCopyIsMissing(claim) is not null)
        {
            return null;
        }

        return IsTooLarge(item) ? MailItemFate.LeftOnServer : MailItemFate.Archived;
    }

    /// <summary>
    /// The quarantine record of a message whose record was written but whose bytes were never kept: the process stopped
    /// (a crash, a power cut) between the two, and the server's copy is the only one left. Null for any other message.
    /// </summary>
    private QuarantineRecord? KeptCopyIsMissing(IntakeClaim claim) =>
        claim.State == IntakeState.Quarantined
            && _store.FindQuarantineOf(claim.SourceKey) is { IsResolved: false, QuarantinedPath: { } kept } record
            && !File.Exists(kept)
            ? record
            : null;

    /// <summary>Captures one message not yet finished; <paramref name="download"/> writes its raw bytes to a stream.</summary>
    /// <param name="item">The message.</param>
    /// <param name="download">Copies the message's bytes into the given stream. Network failures propagate (the account reconnects).</param>
    /// <param name="report">Receives the capture result.</param>
    /// <param name="cancellationToken">Stops the work; the message stays unfinished in the ledger and is captured later.</param>
    public async Task<MailItemFate> CaptureAsync(
        MailItem item,
        Func<Stream, CancellationToken, Task> download,
        Func<CaptureResult, ValueTask> report,
        CancellationToken cancellationToken) =>
        (await CaptureAllAsync([new MailDownload(item, download)], report, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Captures messages not yet finished, in the order given (so a reply finds the case its predecessor opened). They
    /// go in groups, as in a pipeline: while one group is downloaded (one message after another, each read and
    /// classified in parallel as soon as it is down), the group before it is committed to the store in one transaction,
    /// and the one before that is indexed and reported. Groups are committed, and then completed, in order. A message
    /// that was claimed before and never finished (the worker crashed or failed on it) goes alone, so the attempts it
    /// counts are its own.
    /// </summary>
    /// <returns>What becomes of each message's server copy, in the order given.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; what was not filed stays unfinished in the ledger.</exception>
    /// <remarks>Network failures of a download propagate (the account reconnects); what was not filed is captured at the next poll.</remarks>
    public async Task<IReadOnlyList<MailItemFate>> CaptureAllAsync(
        IReadOnlyList<MailDownload> messages,
        Func<CaptureResult, ValueTask> report,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(report);
        var completing = new List<Task<IReadOnlyList<MailItemFate>>>();
        Task<Task<IReadOnlyList<MailItemFate>>>? committing = null;
        try
        {
            foreach (var group in Groups(messages))
            {
                var started = await StartGroupAsync(group, cancellationToken).ConfigureAwait(false);
                await TakeCommittedAsync().ConfigureAwait(false);
                committing = CommitGroupAsync(started, completing.LastOrDefault(), report, cancellationToken);
            }

            await TakeCommittedAsync().ConfigureAwait(false);

            var fates = new List<MailItemFate>(messages.Count);
            while (completing.Count > 0)
            {
                var completion = completing[0];
                completing.RemoveAt(0);
                fates.AddRange(await completion.ConfigureAwait(false));
            }

            return fates;
        }
        catch (Exception) when (committing is not null || completing.Count > 0)
        {
            // The groups under way finish (or fail on their own) before the failure is passed on, so no work outlives the poll.
            await FinishUnderWayAsync(committing, completing).ConfigureAwait(false);
            throw;
        }

        // Waits for the group being committed and keeps its completion; a failure of its own is not awaited twice.
        async Task TakeCommittedAsync()
        {
            if (committing is { } commit)
            {
                committing = null;
                completing.Add(await commit.ConfigureAwait(false));
            }
        }
    }

    private async Task FinishUnderWayAsync(Task<Task<IReadOnlyList<MailItemFate>>>? committing, List<Task<IReadOnlyList<MailItemFate>>> completing)
    {
        var underWay = new List<Task>(completing);
        if (committing is not null)
        {
            try
            {
                underWay.Add(await committing.ConfigureAwait(false));
            }
            catch (Exception commitFailed) when (commitFailed is not OperationCanceledException)
            {
                LogGroupFailed(commitFailed, _account.SourceName);
            }
            catch (OperationCanceledException)
            {
                // Cancelled with the rest: nothing of that group was filed.
            }
        }

        foreach (var task in underWay)
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (task.Exception?.InnerException is { } alsoFailed and not OperationCanceledException)
            {
                LogGroupFailed(alsoFailed, _account.SourceName);
            }
        }
    }

    /// <summary>Consecutive messages never tried before, up to <see cref="MailboxOptions.GroupSize"/>; a message tried before alone.</summary>
    private IEnumerable<List<MailDownload>> Groups(IReadOnlyList<MailDownload> messages)
    {
        var triedBefore = messages.Select(m => WasTriedBefore(m.Item)).ToArray();
        var start = 0;
        while (start < messages.Count)
        {
            var end = start + 1;
            if (!triedBefore[start])
            {
                while (end < messages.Count && end - start < _account.GroupSize && !triedBefore[end])
                {
                    end++;
                }
            }

            yield return [.. messages.Skip(start).Take(end - start)];
            start = end;
        }
    }

    /// <summary>Claims a group in one transaction, downloads its messages and starts preparing each.</summary>
    private async Task<List<StartedMail>> StartGroupAsync(List<MailDownload> group, CancellationToken cancellationToken)
    {
        // Out of attempts is decided before claiming, so setting a message aside does not count one more.
        var exhausted = group
            .Select(m => _store.FindClaim(m.Item.SourceKey))
            .Where(c => CaptureRetryPolicy.IsExhausted(c, MaxAttempts))
            .ToDictionary(c => c!.SourceKey, c => c!, StringComparer.Ordinal);
        var toClaim = group.Where(m => !IsTooLarge(m.Item) && !exhausted.ContainsKey(m.Item.SourceKey)).Select(m => m.Item.SourceKey).ToList();
        var claims = toClaim.Count == 0
            ? new Dictionary<string, IntakeClaim>(exhausted, StringComparer.Ordinal)
            : _store.ClaimAll(toClaim, _account.SourceName).Concat(exhausted.Values).ToDictionary(c => c.SourceKey, StringComparer.Ordinal);
        var outOfAttempts = exhausted.Keys.ToHashSet(StringComparer.Ordinal);
        var started = new List<StartedMail>(group.Count);
        try
        {
            foreach (var message in group)
            {
                started.Add(await StartAsync(message, claims, outOfAttempts, cancellationToken).ConfigureAwait(false));
            }

            return started;
        }
        catch
        {
            await ForgetAllAsync(started).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Commits a started group to the store in one transaction, in order, once its messages are prepared. Returns the
    /// group's completion (indexing, keeping quarantined copies, reporting), which starts when
    /// <paramref name="previous"/>'s has finished and runs while the next group is committed.
    /// </summary>
    private async Task<Task<IReadOnlyList<MailItemFate>>> CommitGroupAsync(
        List<StartedMail> started,
        Task<IReadOnlyList<MailItemFate>>? previous,
        Func<CaptureResult, ValueTask> report,
        CancellationToken cancellationToken)
    {
        CapturePipeline.CommittedGroup committed;
        var outcomes = new GroupFiling?[started.Count];
        var prepared = new List<(int Index, PreparedCapture Capture)>(started.Count);
        try
        {
            for (var i = 0; i < started.Count; i++)
            {
                try
                {
                    prepared.Add((i, await started[i].Preparing.ConfigureAwait(false)));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Its own failure: the others are filed, it is tried again at the next poll.
                    outcomes[i] = new GroupFiling(null, exception);
                }
            }

            committed = await _pipeline.CommitGroupAsync([.. prepared.Select(p => p.Capture)], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing was filed: it stays claimed and is captured at the next poll; the spool copies go.
            await ForgetAllAsync(started).ConfigureAwait(false);
            throw;
        }

        return CompleteGroupAsync(started, outcomes, prepared.ConvertAll(p => p.Index), committed, previous, report, cancellationToken);
    }

    /// <summary>Indexes a committed group after the group before it, then reports each message and says what becomes of it.</summary>
    private async Task<IReadOnlyList<MailItemFate>> CompleteGroupAsync(
        List<StartedMail> started,
        GroupFiling?[] outcomes,
        List<int> filedIndexes,
        CapturePipeline.CommittedGroup committed,
        Task? previous,
        Func<CaptureResult, ValueTask> report,
        CancellationToken cancellationToken)
    {
        try
        {
            if (previous is not null)
            {
                // Its failure is its own (reported where it is awaited); this group is committed and is completed regardless.
                await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
            }
            else
            {
                await Task.Yield();
            }

            var filed = committed.Complete();
            for (var j = 0; j < filedIndexes.Count; j++)
            {
                outcomes[filedIndexes[j]] = filed[j];
            }

            var fates = new List<MailItemFate>(started.Count);
            for (var i = 0; i < started.Count; i++)
            {
                fates.Add(await FinishAsync(started[i], outcomes[i]!, report, cancellationToken).ConfigureAwait(false));
            }

            return fates;
        }
        finally
        {
            await ForgetAllAsync(started).ConfigureAwait(false);
        }
    }

    /// <summary>Downloads a message and starts reading and understanding it in the background (a few at a time).</summary>
    private async Task<StartedMail> StartAsync(MailDownload message, Dictionary<string, IntakeClaim> claims, HashSet<string> outOfAttempts, CancellationToken cancellationToken)
    {
        var item = message.Item;
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

        var claim = claims[item.SourceKey];
        await DownloadAsync(pending.Path, message.Download, cancellationToken).ConfigureAwait(false);
        if (KeptCopyIsMissing(claim) is { } record)
        {
            // Already quarantined, not read again: its bytes go where the record says, and the server's copy then gets its disposition.
            LogKeepingMissingCopy(item.FileName, _account.SourceName, record.Id);
            var keep = pending with { QuarantinePath = record.QuarantinedPath };
            return StartedMail.Decided(keep, MailItemFate.Archived, new CaptureResult { Item = keep, Outcome = CaptureOutcome.Quarantined, Reason = record.Reason });
        }

        if (outOfAttempts.Contains(item.SourceKey))
        {
            // Each claim counts an attempt, crashes included, and a message tried before goes alone: one that kills the worker ends here.
            return StartedMail.Decided(pending, MailItemFate.Archived, _pipeline.Refuse(pending, CaptureRetryPolicy.GiveUpReason(claim, "message", MaxAttempts), claim.Attempts));
        }

        // A claim already finished (another reader got there first) is reported as the duplicate it is.
        return new StartedMail(pending, MailItemFate.Archived, PrepareAsync(pending, alreadyClaimed: claim.State == IntakeState.Claimed, cancellationToken));
    }

    /// <summary>Keeps a quarantined message's bytes, reports the result, and says what becomes of the server copy.</summary>
    private async Task<MailItemFate> FinishAsync(StartedMail started, GroupFiling filed, Func<CaptureResult, ValueTask> report, CancellationToken cancellationToken)
    {
        var pending = started.Item;
        if (filed.Result is not { } result)
        {
            var (claim, delay) = _retry.RecordFailure(pending.SourceKey, _account.SourceName, filed.Failure!, MaxAttempts);
            LogCaptureFailed(filed.Failure, pending.OriginalFileName, _account.SourceName, claim.Attempts, delay);
            return MailItemFate.RetryLater;
        }

        if (result.Outcome == CaptureOutcome.Quarantined && File.Exists(pending.Path))
        {
            await QuarantineFiles.KeepAsAsync(pending.Path, pending.QuarantinePath!, result.Reason ?? "No reason was given.", cancellationToken).ConfigureAwait(false);
        }

        await report(result).ConfigureAwait(false);
        return started.FateWhenFiled;
    }

    private async Task ForgetAllAsync(List<StartedMail> started)
    {
        foreach (var mail in started)
        {
            await ForgetAsync(mail).ConfigureAwait(false);
        }
    }

    private async Task ForgetAsync(StartedMail started)
    {
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

    private bool WasTriedBefore(MailItem item) => _store.FindClaim(item.SourceKey) is { State: IntakeState.Claimed };

    private async Task<PreparedCapture> PrepareAsync(CaptureItem pending, bool alreadyClaimed, CancellationToken cancellationToken)
    {
        await _preparing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Off the reader's thread: the next message downloads while this one is read and classified.
            return await Task.Run(() => _pipeline.PrepareAsync(pending, alreadyClaimed, cancellationToken), cancellationToken).ConfigureAwait(false);
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

    private int MaxAttempts => _retry.MaxAttempts(_account.MaxAttempts);

    private bool IsTooLarge(MailItem item) => item.Size > _account.MaxMessageBytes;

    /// <summary>
    /// The kept copy's name: the message's file name, made safe, with a digest of its source key, so that it is this
    /// message's alone. POP3 names messages by their place in the mailbox (<c>pop3-1.eml</c> in every poll) and an IMAP
    /// folder recreated with a new UIDVALIDITY reuses its UIDs; a shared name would leave the record naming the copy of
    /// another message. The same message kept again (after a crash) gets the same name.
    /// </summary>
    private static string QuarantineName(MailItem item)
    {
        var safe = new string([.. Path.GetFileNameWithoutExtension(item.FileName).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.SourceKey)))[..12];
        return $"{safe}-{digest}.eml";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping the bytes of {FileName} from {Source} for quarantine record {QuarantineId}: the record was written but the copy is missing (the service stopped in between)")]
    private partial void LogKeepingMissingCopy(string fileName, string source, string quarantineId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Left {FileName} from {Source} unfiled; it is captured at the next poll")]
    private partial void LogAbandoned(Exception exception, string fileName, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capturing {FileName} from {Source} failed (attempt {Attempt}); it stays on the server and is tried again at the first poll after {Delay}")]
    private partial void LogCaptureFailed(Exception? exception, string fileName, string source, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capturing a group of messages from {Source} failed as well")]
    private partial void LogGroupFailed(Exception exception, string source);
}

/// <summary>A message downloaded and being prepared, to be filed with its group.</summary>
/// <param name="Item">The spooled item.</param>
/// <param name="FateWhenFiled">What becomes of the server copy once it is filed.</param>
/// <param name="Preparing">Reading and understanding it, or its outcome when that was decided without reading.</param>
internal sealed record StartedMail(CaptureItem Item, MailItemFate FateWhenFiled, Task<PreparedCapture> Preparing)
{
    public static StartedMail Decided(CaptureItem item, MailItemFate fate, CaptureResult result) =>
        new(item, fate, Task.FromResult(new PreparedCapture(item, null, result)));
}
