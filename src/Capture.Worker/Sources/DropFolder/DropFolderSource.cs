using System.Globalization;
using Archive.Store;
using Capture.Worker.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Capture.Worker.Sources.DropFolder;

/// <summary>
/// Watches one scanner drop folder. A file is taken only once its size and modification time have been stable for
/// <see cref="DropFolderOptions.StableFor"/>; it is claimed by an atomic move into <c>.capture/processing/</c>, and
/// removed from there only after its case is committed. A file that cannot be captured is moved to the quarantine
/// folder with a <c>.reason.txt</c> beside it. A capture that fails for another reason (the archive or the index
/// failing) is retried by <see cref="CaptureRetryPolicy"/>, with its attempts and wait kept in the intake ledger, then
/// quarantined. Files left claimed by a crash are captured again at start-up; the intake ledger makes that safe.
/// </summary>
public sealed partial class DropFolderSource : BackgroundService
{
    private static readonly string[] PartialFileSuffixes = [".part", ".partial", ".tmp", ".crdownload", ".filepart", ".download"];

    private readonly DropFolderOptions _options;
    private readonly CapturePipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger<DropFolderSource> _logger;
    private readonly FileStabilityTracker _stability;
    private readonly ArchiveStore _store;
    private readonly CaptureRetryPolicy _retry;
    private readonly QuarantineRetry _quarantine;

    public DropFolderSource(
        DropFolderOptions options,
        CapturePipeline pipeline,
        ArchiveStore store,
        CaptureRetryPolicy retry,
        QuarantineRetry quarantine,
        TimeProvider time,
        ILogger<DropFolderSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        _options = options;
        _pipeline = pipeline;
        _store = store;
        _retry = retry;
        _quarantine = quarantine;
        _time = time;
        _logger = logger;
        _stability = new FileStabilityTracker(time, options.StableFor);
        FolderPath = Path.GetFullPath(options.Path);
        ProcessingPath = Path.Combine(FolderPath, ".capture", "processing");
        QuarantinePath = Path.GetFullPath(options.QuarantineDirectory ?? Path.Combine(store.RootDirectory, "quarantine", options.Name));
        SourceName = $"drop:{options.Name}";
    }

    public string FolderPath { get; }

    public string ProcessingPath { get; }

    public string QuarantinePath { get; }

    public string SourceName { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(ProcessingPath);
        Directory.CreateDirectory(QuarantinePath);
        LogWatching(SourceName, FolderPath, _options.StableFor);
        using var timer = new PeriodicTimer(_options.ScanInterval, _time);
        try
        {
            do
            {
                await ScanOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is not an error: claimed files stay in processing/ and are captured at the next start.
        }
    }

    /// <summary>One pass: capture what is left claimed from earlier, then claim and capture every stable new file.</summary>
    internal async Task ScanOnceAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(ProcessingPath);
        foreach (var claim in Directory.EnumerateDirectories(ProcessingPath).Order(StringComparer.Ordinal).ToList())
        {
            await CaptureClaimedAsync(claim, cancellationToken).ConfigureAwait(false);
        }

        foreach (var file in _stability.Observe(Candidates()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            _stability.Forget(file.FullName);
            if (TryClaim(file) is { } claim)
            {
                await CaptureClaimedAsync(claim, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private IEnumerable<FileInfo> Candidates()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return new DirectoryInfo(FolderPath).EnumerateFiles("*", options).Where(f => !IsIncomplete(f.Name));
    }

    private static bool IsIncomplete(string name) =>
        name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal) ||
        PartialFileSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>Moves the file into its own claim folder; the move is atomic on one file system, so two services can't both take it.</summary>
    private string? TryClaim(FileInfo file)
    {
        var claim = Path.Combine(ProcessingPath, string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(claim);
        try
        {
            File.Move(file.FullName, Path.Combine(claim, file.Name));
            return claim;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone, or still locked by its writer: leave it for a later scan.
            LogClaimFailed(file.Name, SourceName, ex.Message);
            Directory.Delete(claim);
            return null;
        }
    }

    private async Task CaptureClaimedAsync(string claim, CancellationToken cancellationToken)
    {
        var file = Directory.EnumerateFiles(claim).FirstOrDefault();
        if (file is null)
        {
            Directory.Delete(claim, recursive: true);
            return;
        }

        var info = new FileInfo(file);
        var quarantineTo = Path.Combine(QuarantinePath, $"{Path.GetFileName(claim)}-{info.Name}");
        var item = new CaptureItem(
            info.FullName,
            info.Name,
            SourceName,
            string.Create(CultureInfo.InvariantCulture, $"{SourceName}:{info.Name}:{info.Length}:{info.LastWriteTimeUtc.Ticks}"))
        { QuarantinePath = quarantineTo };

        var maxAttempts = _retry.MaxAttempts();
        var before = _store.FindClaim(item.SourceKey);
        if (_retry.IsWaiting(before))
        {
            return;
        }

        if (CaptureRetryPolicy.IsExhausted(before, maxAttempts))
        {
            await GiveUpAsync(claim, item, before!, maxAttempts, cancellationToken).ConfigureAwait(false);
            return;
        }

        CaptureResult result;
        try
        {
            result = await CaptureAsync(item, before, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var (failed, delay) = _retry.RecordFailure(item.SourceKey, SourceName, ex, maxAttempts);
            if (CaptureRetryPolicy.IsExhausted(failed, maxAttempts))
            {
                LogGivingUp(ex, info.Name, SourceName, failed.Attempts);
                await GiveUpAsync(claim, item, failed, maxAttempts, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                LogRetrying(ex, info.Name, SourceName, failed.Attempts, delay);
            }

            return;
        }

        if (result.Outcome == CaptureOutcome.Quarantined)
        {
            await MoveToQuarantineAsync(claim, file, quarantineTo, result.Reason ?? "No reason was given.", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Committed (or already in the archive): only now may the scanner's file go.
            Directory.Delete(claim, recursive: true);
        }
    }

    /// <summary>
    /// Claims the item (counting the attempt, so one the process does not survive counts too) and captures it. An item
    /// quarantined before (the service died before moving it, or a person put it back) is a retry of its record, so it
    /// never gets a second one.
    /// </summary>
    private Task<CaptureResult> CaptureAsync(CaptureItem item, Archive.Store.Intake.IntakeClaim? before, CancellationToken cancellationToken)
    {
        if (before is { State: Archive.Store.Intake.IntakeState.Quarantined } && _store.FindQuarantineOf(item.SourceKey) is { } record)
        {
            return _quarantine.CaptureAsync(item with { RetryOf = record.Id }, cancellationToken);
        }

        return _store.Claim(item.SourceKey, SourceName, null).State == Archive.Store.Intake.IntakeState.Claimed
            ? _pipeline.CaptureClaimedAsync(item, cancellationToken)
            : _pipeline.CaptureAsync(item, cancellationToken);
    }

    private async Task GiveUpAsync(string claim, CaptureItem item, Archive.Store.Intake.IntakeClaim ledger, int maxAttempts, CancellationToken cancellationToken)
    {
        var result = _pipeline.Refuse(item, CaptureRetryPolicy.GiveUpReason(ledger, "file", maxAttempts), ledger.Attempts);
        await MoveToQuarantineAsync(claim, item.Path, item.QuarantinePath!, result.Reason!, cancellationToken).ConfigureAwait(false);
    }

    private async Task MoveToQuarantineAsync(string claim, string file, string destination, string reason, CancellationToken cancellationToken)
    {
        var movedTo = await QuarantineFiles.MoveAsync(file, destination, reason, cancellationToken).ConfigureAwait(false);
        Directory.Delete(claim, recursive: true);
        LogMovedToQuarantine(Path.GetFileName(file), movedTo);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Source} at {Folder} (files are taken after {StableFor} unchanged)")]
    private partial void LogWatching(string source, string folder, TimeSpan stableFor);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not claim {FileName} in {Source} yet: {Problem}")]
    private partial void LogClaimFailed(string fileName, string source, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capturing {FileName} from {Source} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, string fileName, string source, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Capturing {FileName} from {Source} failed {Attempts} times; quarantining it")]
    private partial void LogGivingUp(Exception exception, string fileName, string source, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved {FileName} to quarantine at {Destination}")]
    private partial void LogMovedToQuarantine(string fileName, string destination);
}
