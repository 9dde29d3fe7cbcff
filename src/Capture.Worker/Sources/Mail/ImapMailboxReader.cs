using System.Globalization;
using Archive.Store;
using Capture.Worker.Pipeline;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Sources.Mail;

/// <summary>
/// Reads IMAP folders in UID order from a persisted watermark, in batches. A message is claimed in the ledger before it
/// is captured; its disposition is applied only after the batch's cases are committed, and the watermark moves only past
/// messages that are finished, so neither a crash nor a dropped connection can lose or repeat one. A new UIDVALIDITY
/// starts a new stream from UID 1; content hash and Message-ID then recognise what was captured before.
/// </summary>
internal sealed partial class ImapMailboxReader(MailboxOptions account, MailItemCapture capture, ArchiveStore store, TimeProvider time, ILogger logger)
    : IMailboxReader
{
    private readonly MailFilter _filter = new(account.Filters);
    private ImapClient? _client;

    /// <summary>The folder IDLE watches (the first), whose arrivals during a poll are noted so IDLE does not wait past them.</summary>
    private IMailFolder? _watched;
    private int _watchedCount;
    private int _arrivedSinceOpen;

    public async Task PollAsync(Func<CaptureResult, ValueTask> report, CancellationToken cancellationToken)
    {
        var client = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in account.EffectiveFolders)
        {
            IMailFolder folder;
            try
            {
                folder = await client.GetFolderAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (FolderNotFoundException)
            {
                LogFolderMissing(account.SourceName, name);
                continue;
            }

            if (name == account.EffectiveFolders[0] && !ReferenceEquals(folder, _watched))
            {
                if (_watched is not null)
                {
                    _watched.CountChanged -= OnWatchedCountChanged;
                }

                _watched = folder;
                folder.CountChanged += OnWatchedCountChanged;
            }

            await PollFolderAsync(client, folder, report, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WaitForNewMailAsync(CancellationToken cancellationToken)
    {
        var client = _client;
        if (client is null || !client.IsConnected || !account.UseIdle || !client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(account.PollInterval, time, cancellationToken).ConfigureAwait(false);
            return;
        }

        var watched = await client.GetFolderAsync(account.EffectiveFolders[0], cancellationToken).ConfigureAwait(false);
        if (!watched.IsOpen)
        {
            await watched.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        }

        // Mail announced while the poll was still at work (setting dispositions) would wait for the next interval.
        if (Interlocked.Exchange(ref _arrivedSinceOpen, 0) == 1)
        {
            return;
        }

        // IDLE ends when mail arrives, at the poll interval, or before the server's IDLE timeout, whichever is first.
        var limit = account.PollInterval < account.IdleRefresh ? account.PollInterval : account.IdleRefresh;
        using var done = new CancellationTokenSource(limit, time);
        void OnCountChanged(object? sender, EventArgs e) => done.Cancel();
        watched.CountChanged += OnCountChanged;
        try
        {
            await client.IdleAsync(done.Token, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            watched.CountChanged -= OnCountChanged;
        }
    }

    private void OnWatchedCountChanged(object? sender, EventArgs e)
    {
        if (sender is IMailFolder folder)
        {
            if (folder.Count > _watchedCount)
            {
                Interlocked.Exchange(ref _arrivedSinceOpen, 1);
            }

            _watchedCount = folder.Count;
        }
    }

    public async Task DisconnectAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            await MailConnection.DisconnectQuietlyAsync(client).ConfigureAwait(false);
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync().ConfigureAwait(false);
        capture.Dispose();
    }

    private async Task<ImapClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true, IsAuthenticated: true } connected)
        {
            return connected;
        }

        await DisconnectAsync().ConfigureAwait(false);
        var client = new ImapClient();
        try
        {
            await MailConnection.ConnectAsync(client, account, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        LogConnected(account.SourceName, account.Host);
        return client;
    }

    private async Task PollFolderAsync(ImapClient client, IMailFolder folder, Func<CaptureResult, ValueTask> report, CancellationToken cancellationToken)
    {
        var access = account.Disposition.ActionFor(MailProtocol.Imap) == MailDispositionAction.None ? FolderAccess.ReadOnly : FolderAccess.ReadWrite;
        await folder.OpenAsync(access, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(folder, _watched))
        {
            // What arrives from here on may miss this poll's search: noted, so IDLE does not wait past it.
            _watchedCount = folder.Count;
            Interlocked.Exchange(ref _arrivedSinceOpen, 0);
        }

        var stream = MailboxKeys.ImapFolder(account, folder.FullName, folder.UidValidity);
        var watermark = (uint)Math.Min(store.GetWatermark(stream), uint.MaxValue - 1);
        if (folder.Count == 0)
        {
            return;
        }

        // "UID n:*" also returns the last message when its UID is below n, so filter again.
        var range = new UniqueIdRange(new UniqueId(folder.UidValidity, watermark + 1), UniqueId.MaxValue);
        var uids = (await folder.SearchAsync(SearchQuery.Uids(range), cancellationToken).ConfigureAwait(false))
            .Where(uid => uid.Id > watermark)
            .OrderBy(uid => uid.Id)
            .ToList();
        if (uids.Count > 0)
        {
            LogNewMessages(account.SourceName, folder.FullName, uids.Count, watermark);
        }

        var disposition = new ImapDisposition(client, account.Disposition);
        foreach (var batch in uids.Chunk(account.BatchSize))
        {
            var finishedUpTo = await CaptureBatchAsync(folder, stream, batch, disposition, report, cancellationToken).ConfigureAwait(false);
            if (finishedUpTo is null)
            {
                return;
            }

            store.AdvanceWatermark(stream, finishedUpTo.Value);
        }
    }

    /// <summary>Captures a batch, then applies the disposition to what is archived. Returns the new watermark, or null when stuck at the first message.</summary>
    private async Task<uint?> CaptureBatchAsync(
        IMailFolder folder,
        string stream,
        UniqueId[] batch,
        ImapDisposition disposition,
        Func<CaptureResult, ValueTask> report,
        CancellationToken cancellationToken)
    {
        var needed = MessageSummaryItems.UniqueId | MessageSummaryItems.Size;
        if (_filter.NeedsHeaders)
        {
            needed |= MessageSummaryItems.Envelope;
        }

        if (_filter.NeedsAttachmentNames)
        {
            needed |= MessageSummaryItems.BodyStructure;
        }

        var summaries = (await folder.FetchAsync(batch, needed, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.UniqueId);
        var fates = new Dictionary<UniqueId, MailItemFate>();
        var wantedUids = new List<UniqueId>();
        var wanted = new List<MailDownload>();
        foreach (var uid in batch)
        {
            // A message expunged by someone else since the search has nothing left to capture.
            if (!summaries.TryGetValue(uid, out var summary))
            {
                fates[uid] = MailItemFate.NotWanted;
                continue;
            }

            var item = new MailItem(
                MailboxKeys.ImapMessage(stream, uid.Id),
                string.Create(CultureInfo.InvariantCulture, $"{folder.FullName}-{uid.Id}.eml"),
                summary.Size);
            if (Screen(folder, item, summary) is { } decided)
            {
                fates[uid] = decided;
                continue;
            }

            wantedUids.Add(uid);
            wanted.Add(new MailDownload(item, (destination, token) => DownloadAsync(folder, uid, destination, token)));
        }

        // Filed in UID order, so a reply later in the batch finds the case its predecessor opened.
        var captured = await capture.CaptureAllAsync(wanted, report, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < wantedUids.Count; i++)
        {
            fates[wantedUids[i]] = captured[i];
        }

        uint? finishedUpTo = null;
        foreach (var uid in batch)
        {
            if (fates[uid] == MailItemFate.RetryLater)
            {
                break;
            }

            finishedUpTo = uid.Id;
        }

        await disposition.ApplyAsync(folder, [.. batch.Where(uid => fates[uid] == MailItemFate.Archived)], cancellationToken).ConfigureAwait(false);
        return finishedUpTo;
    }

    /// <summary>Decides a message without downloading it when the ledger knows it or the filters do not want it.</summary>
    private MailItemFate? Screen(IMailFolder folder, MailItem item, IMessageSummary summary)
    {
        if (capture.KnownFate(item) is { } known)
        {
            return known;
        }

        if (!_filter.AcceptsHeaders(summary.Envelope?.From.Mailboxes.FirstOrDefault()?.Address, summary.Envelope?.Subject) ||
            !_filter.AcceptsAttachments(AttachmentNames(summary)))
        {
            LogNotWanted(account.SourceName, folder.FullName, summary.UniqueId.Id);
            return MailItemFate.NotWanted;
        }

        return null;
    }

    private static async Task DownloadAsync(IMailFolder folder, UniqueId uid, Stream destination, CancellationToken cancellationToken)
    {
        using var content = await folder.GetStreamAsync(uid, cancellationToken).ConfigureAwait(false);
        await content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<string?> AttachmentNames(IMessageSummary summary) =>
        summary.Body is null ? [] : summary.Attachments.Select(part => part.FileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Source} at {Host}")]
    private partial void LogConnected(string source, string host);

    [LoggerMessage(Level = LogLevel.Error, Message = "Folder {Folder} of {Source} does not exist on the server; check Folders in the mailbox's configuration")]
    private partial void LogFolderMissing(string source, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}/{Folder}: {Count} new message(s) after UID {Watermark}")]
    private partial void LogNewMessages(string source, string folder, int count, uint watermark);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Source}/{Folder}: UID {Uid} does not match the filters; left alone")]
    private partial void LogNotWanted(string source, string folder, uint uid);
}
