using Archive.Store.Intake;
using Capture.Testing;
using Capture.Worker.Tests.Support;

namespace Capture.Worker.Tests.Sources;

/// <summary>
/// An item whose capture fails for a reason other than its content (here the archive cannot create the case folder) is
/// retried with a growing wait kept in the intake ledger, then quarantined with a reason; a restart changes neither.
/// </summary>
public sealed class PoisonItemTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Scan_ItemFailingEveryTime_IsRetriedWithDoublingWaitsThenQuarantinedWithTheLastError()
    {
        using var folder = new PoisonDropFolder(_directory.Combine("archive"), _directory.Combine("drop"), maxAttempts: 3);
        folder.Block();
        await folder.DropLetterAsync();

        await folder.TakeAsync();
        var waits = new List<TimeSpan> { folder.Claim().NotBefore!.Value - folder.Time.GetUtcNow() };
        folder.Time.Advance(waits[0] - TimeSpan.FromSeconds(1));
        await folder.ScanAsync();
        Assert.Equal(1, folder.Claim().Attempts);

        folder.Time.Advance(TimeSpan.FromSeconds(1));
        await folder.ScanAsync();
        Assert.Equal(2, folder.Claim().Attempts);
        waits.Add(folder.Claim().NotBefore!.Value - folder.Time.GetUtcNow());
        folder.Time.Advance(waits[1] - TimeSpan.FromSeconds(1));
        await folder.ScanAsync();
        Assert.Equal(2, folder.Claim().Attempts);

        folder.Time.Advance(TimeSpan.FromSeconds(1));
        await folder.ScanAsync();

        Assert.Equal([PoisonDropFolder.FirstDelay, PoisonDropFolder.FirstDelay * 2], waits);
        var claim = folder.Claim();
        Assert.Equal((IntakeState.Quarantined, 3, 3), (claim.State, claim.Attempts, claim.Failures));
        var record = Assert.Single(folder.Store.ListQuarantine());
        Assert.Equal(3, record.Attempts);
        Assert.Contains("attempted 3 times", record.Reason, StringComparison.Ordinal);
        Assert.Contains("IOException", record.Reason, StringComparison.Ordinal);
        Assert.Contains("capture quarantine retry", record.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(record.QuarantinedPath), "the file's bytes were not kept in quarantine");
        Assert.Empty(Directory.GetDirectories(folder.Source.ProcessingPath));
        Assert.Empty(folder.Store.ListCases());
    }

    [Fact]
    public async Task Scan_TransientFailure_SucceedsOnTheRetryWithExactlyOneCase()
    {
        using var folder = new PoisonDropFolder(_directory.Combine("archive"), _directory.Combine("drop"), maxAttempts: 3);
        folder.Block();
        await folder.DropLetterAsync();
        await folder.TakeAsync();
        Assert.Equal((IntakeState.Claimed, 1), (folder.Claim().State, folder.Claim().Attempts));

        folder.Unblock();
        folder.Time.Advance(PoisonDropFolder.FirstDelay);
        await folder.ScanAsync();
        await folder.ScanAsync();

        var captured = Assert.Single(folder.Store.ListCases());
        var claim = folder.Claim();
        Assert.Equal((IntakeState.Committed, 2, captured.RegistrationNumber), (claim.State, claim.Attempts, claim.RegistrationNumber));
        Assert.Empty(folder.Store.ListQuarantine());
        Assert.Empty(Directory.GetDirectories(folder.Source.ProcessingPath));
    }

    [Fact]
    public async Task Restart_KeepsTheAttemptsAndTheWait_AndTheLastAttemptQuarantines()
    {
        using var folder = new PoisonDropFolder(_directory.Combine("archive"), _directory.Combine("drop"), maxAttempts: 2);
        folder.Block();
        await folder.DropLetterAsync();
        await folder.TakeAsync();

        folder.Restart();
        await folder.ScanAsync();
        Assert.Equal((IntakeState.Claimed, 1), (folder.Claim().State, folder.Claim().Attempts));
        Assert.Single(Directory.GetDirectories(folder.Source.ProcessingPath));

        folder.Time.Advance(PoisonDropFolder.FirstDelay);
        await folder.ScanAsync();

        Assert.Equal((IntakeState.Quarantined, 2), (folder.Claim().State, folder.Claim().Attempts));
        Assert.Equal(2, Assert.Single(folder.Store.ListQuarantine()).Attempts);
        Assert.Empty(folder.Store.ListCases());
    }

    [Fact]
    public async Task Scan_AttemptsTheProcessDidNotSurvive_CountAndEndInQuarantine()
    {
        using var folder = new PoisonDropFolder(_directory.Combine("archive"), _directory.Combine("drop"), maxAttempts: 3);
        await folder.DropLetterAsync();
        await folder.ScanAsync();
        folder.Time.Advance(TimeSpan.FromSeconds(5));

        // Three attempts the process died in: each was claimed (counted) and never finished. The claims come from the
        // ledger the same way a killed service leaves them; the file stays in processing/ as a crash leaves it.
        var claimFolder = Path.Combine(folder.Source.ProcessingPath, "20261123085959000-crashed");
        Directory.CreateDirectory(claimFolder);
        var dropped = Path.Combine(folder.Drop, "letter.txt");
        File.Move(dropped, Path.Combine(claimFolder, "letter.txt"));
        for (var i = 0; i < 3; i++)
        {
            folder.Store.Claim(folder.LetterKey, folder.Source.SourceName, null);
            folder.Restart();
        }

        await folder.ScanAsync();

        var record = Assert.Single(folder.Store.ListQuarantine());
        Assert.Contains("3 ended unfinished because the service stopped or died", record.Reason, StringComparison.Ordinal);
        Assert.Equal((IntakeState.Quarantined, 3), (folder.Claim().State, folder.Claim().Attempts));
        Assert.True(File.Exists(record.QuarantinedPath));
        Assert.Empty(folder.Store.ListCases());
    }

    [Fact]
    public async Task Quarantine_IsNeverCleanedUp_RecordsAndKeptFilesSurviveManyScansAndRestarts()
    {
        using var folder = new PoisonDropFolder(_directory.Combine("archive"), _directory.Combine("drop"), maxAttempts: 1);
        folder.Block();
        await folder.DropLetterAsync();
        await File.WriteAllBytesAsync(Path.Combine(folder.Drop, "scan.tif"), [0x49, 0x49, 0x2A, 0x00, 0x01, 0x02], TestContext.Current.CancellationToken);
        await folder.TakeAsync();
        var before = folder.Store.ListQuarantine();
        Assert.Equal(2, before.Count);
        var kept = Directory.GetFiles(folder.Source.QuarantinePath).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, kept.Count);

        for (var day = 0; day < 40; day++)
        {
            folder.Time.Advance(TimeSpan.FromDays(1));
            await folder.ScanAsync();
            if (day % 10 == 9)
            {
                folder.Restart();
            }
        }

        Assert.Equal(before.Select(r => (r.Id, r.Reason, r.QuarantinedPath)), folder.Store.ListQuarantine().Select(r => (r.Id, r.Reason, r.QuarantinedPath)));
        Assert.Equal(kept, Directory.GetFiles(folder.Source.QuarantinePath).Order(StringComparer.Ordinal));
        Assert.All(before, r => Assert.True(File.Exists(r.QuarantinedPath)));
    }

    public void Dispose() => _directory.Dispose();
}
